import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOnce } from "../../generator/cli/run.js";
import { REPO } from "../helpers/temp-project.js";
import { strictTsc } from "../helpers/tsc-in-process.js";
import { hostileSpec, MARK } from "./hostile.js";

/**
 * Generated from test/security/hostile.ts (whose every name-like field tries to break out of
 * comments and strings), compiled strictly and imported, the output must run none of it.
 */
let dir: string;
let out: string;
let stderr: string[];
let code0: number;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "payspec-hostile-"));
  // The spec's file name ends a `//` comment if the header does not escape it.
  const file = path.join(dir, `spec\u2028${MARK}=1.json`);
  writeFileSync(file, JSON.stringify(hostileSpec()));
  symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"), "dir");
  writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
  out = path.join(dir, "out");
  stderr = [];
  ({ code: code0 } = await runOnce(
    { check: false, apis: [], spec: file, out, watch: false, help: false },
    dir,
    () => {},
    (m) => stderr.push(m),
  ));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a spec whose every name-like field tries to break out of comments and strings", () => {
  it("generates", () => {
    expect(stderr.join("\n")).toBe("");
    expect(code0).toBe(0);
  });

  it("compiles under strict settings (a break-out would be a syntax or type error, or worse, valid code)", () => {
    const result = strictTsc([path.join(out, "**/*.ts")], "NodeNext");
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  }, 60_000);

  it("imports without running any of the spec's text", async () => {
    for (const file of readdirSync(out).filter((f) => f.endsWith(".ts"))) {
      await import(/* @vite-ignore */ pathToFileURL(path.join(out, file)).href);
    }
    expect((globalThis as Record<string, unknown>)[MARK]).toBeUndefined();
  });

  it("keeps Object.prototype names as own, validated properties", async () => {
    const validators = readFileSync(path.join(out, "validators.gen.ts"), "utf8");
    // The table is JSON, where JSON.parse makes every key an own property, `__proto__` included.
    expect(validators).toMatch(/= parseRules\(String\.raw`\{\n[^`]*\n {6}"__proto__": \{ "type": \["string"\] \},\n/);
    expect(validators).not.toMatch(/[{,]\s*(__proto__|constructor|toString|hasOwnProperty):/);
    const { createHostileClient } = (await import(
      /* @vite-ignore */ pathToFileURL(path.join(out, "index.ts")).href
    )) as {
      createHostileClient: (o: object) => Record<string, (args: object) => Promise<unknown>>;
    };
    const sent: string[] = [];
    const fetchImpl = (async () => {
      sent.push("sent");
      return new Response("{}", { headers: { "content-type": "application/json" } });
    }) as typeof fetch;
    const client = createHostileClient({ fetch: fetchImpl });
    const method = Object.values(client)[0]!;
    // `__proto__` is required; a body whose __proto__ is not a string is refused like any other field.
    const body = JSON.parse('{"__proto__": 5}') as object;
    await expect(
      method({ path: { [Object.keys(hostileSpec().paths as object)[0]!.slice(8, -1)]: "p" }, body }),
    ).rejects.toThrow("/body/__proto__ must be string");
    expect(sent).toEqual([]);
  });
});
