// generated/ must type-check under the strictest settings users have, with NodeNext and with
// Bundler resolution, using this repository's TypeScript (in-process, printing what its tsc
// prints). The tsconfig files are written to a temporary directory and point at the repo by
// absolute path, so no project config leaks in.
// A probe file proves each flag is actually in force (a typo'd or ignored flag would make the
// main check vacuous).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESOLUTIONS, STRICT } from "../helpers/tsc.js";
import { tscInProcess } from "../helpers/tsc-in-process.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const generated = path.join(repo, "generated");

const strictest = STRICT;
const resolutions = RESOLUTIONS;

/** Each line marked `// TSnnnn` must produce exactly that diagnostic, and nothing else may. */
const probe = `import { IncomingHttpHeaders } from "node:http"; // TS1484 verbatimModuleSyntax
export type Headers = IncomingHttpHeaders;
const list: string[] = [];
export const first: string = list[0]; // TS2322 noUncheckedIndexedAccess
export const optional: { a?: string } = { a: undefined }; // TS2375 exactOptionalPropertyTypes
const unused = 1; // TS6133 noUnusedLocals
export function unusedParameter(p: number): void {} // TS6133 noUnusedParameters
class Base { method(): void {} }
export class Derived extends Base { method(): void {} } // TS4114 noImplicitOverride
export function noReturn(x: number): number | undefined { if (x > 0) return x; } // TS7030 noImplicitReturns
const record: Record<string, number> = {};
export const viaIndex = record.key; // TS4111 noPropertyAccessFromIndexSignature
export function implicitAny(x) { return x; } // TS7006 strict
export const page = document; // TS2584 no DOM lib
`;

function generatedFiles(): string[] {
  return (readdirSync(generated, { recursive: true, encoding: "utf8" }) as string[])
    .filter((file) => file.endsWith(".ts"))
    .map((file) => path.join(generated, file))
    .sort();
}

let work = "";

function writeConfig(name: string, options: object, include: string[]): string {
  const file = path.join(work, `tsconfig.${name}.json`);
  writeFileSync(file, `${JSON.stringify({ compilerOptions: options, include }, null, 2)}\n`);
  return file;
}

describe("generated/ under the strictest compiler settings", () => {
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), "payspec-compile-"));
    // The probe is an ES module, like generated/ (the repo's package.json says "type": "module").
    writeFileSync(path.join(work, "package.json"), '{ "type": "module" }\n');
    writeFileSync(path.join(work, "probe.ts"), probe);
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  // One tsc run per resolution checks generated/ and the probe together (tsc runs dominate the
  // suite's time): the only diagnostics allowed are the probe's expected ones, and --listFiles
  // proves every generated file was part of the program.
  for (const [name, resolution] of Object.entries(resolutions)) {
    it(`generated/**/*.ts passes tsc --noEmit with ${name} resolution, every flag in force (probe file)`, () => {
      const files = generatedFiles();
      expect(files.length).toBeGreaterThan(0);
      const config = writeConfig(name, { ...strictest, ...resolution }, [
        path.join(generated, "**/*.ts"),
        path.join(work, "probe.ts"),
      ]);
      const outcome = tscInProcess(config, { listFiles: true });
      const lines = outcome.output.split(/\r?\n/);

      const expected = probe
        .split("\n")
        .flatMap((line, index) =>
          [...line.matchAll(/\/\/ (TS\d+)/g)].map((match) => `probe.ts:${index + 1} ${match[1]}`),
        );
      const actual = lines.flatMap((line) => {
        const match = /probe\.ts\((\d+),\d+\): error (TS\d+)/.exec(line);
        return match ? [`probe.ts:${match[1]} ${match[2]}`] : [];
      });
      expect(actual.sort()).toEqual(expected.sort());
      // No diagnostic anywhere else: generated/ itself is clean.
      expect(lines.filter((line) => line.includes("error TS") && !/probe\.ts\(/.test(line))).toEqual([]);
      expect(outcome.status).not.toBe(0);

      const listed = lines
        .filter((line) => line.startsWith(generated))
        .map((line) => path.normalize(line))
        .sort();
      expect(listed).toEqual(files);
      // The config really is the strict one (not, say, a stale file from another run).
      expect(JSON.parse(readFileSync(config, "utf8"))).toMatchObject({
        compilerOptions: { strict: true, ...resolution },
      });
    }, 120_000);
  }
});
