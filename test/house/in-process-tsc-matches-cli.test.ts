// The strict type-checks run tsc in-process (test/helpers/tsc-in-process.ts) and assert on what it
// prints: this keeps that equal to what the repo's tsc CLI prints, on a tiny broken project, so the
// two cannot drift apart silently. One spawn of the real tsc; the in-process checks before it fill
// the shared SourceFile cache under both resolutions, so the comparison covers reused files too.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { REPO } from "../helpers/temp-project.js";
import { RESOLUTIONS, STRICT } from "../helpers/tsc.js";
import { tscInProcess } from "../helpers/tsc-in-process.js";

const FILES = {
  "package.json": '{ "type": "module" }\n',
  // node:fs is @types/node, CommonJS declarations under NodeNext; openapi-fetch an ESM package's.
  "broken.ts": `import { readFileSync } from "node:fs";
import createClient from "openapi-fetch";
import { helper } from "./helper"; // TS2835 under NodeNext only
const unused = 1; // TS6133
export const n: number = "not a number"; // TS2322
export const text = readFileSync("x", "utf8").toUpperCase();
export const client = createClient({ baseUrl: "http://x" });
export const h: string = helper; // TS2322 once ./helper resolves (Bundler)
`,
  "helper.ts": "export const helper = 42;\n",
  // A CommonJS file of the project: TS1287 under verbatimModuleSyntax, TS1202 under Bundler.
  "legacy.cts": `import fs = require("node:fs");
export const size: string = fs.statSync(".").size; // TS2322
`,
};

let work = "";
const config = (resolution: keyof typeof RESOLUTIONS) => path.join(work, `tsconfig.${resolution}.json`);
const codes = (output: string) => [...output.matchAll(/\((\d+),\d+\): error (TS\d+)/g)].map((m) => `${m[1]} ${m[2]}`);

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "payspec-tsc-drift-"));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(work, name), text);
  symlinkSync(path.join(REPO, "node_modules"), path.join(work, "node_modules"), "dir");
  for (const resolution of ["NodeNext", "Bundler"] as const) {
    const compilerOptions = { ...STRICT, ...RESOLUTIONS[resolution] };
    const include = [path.join(work, "*.ts"), path.join(work, "*.cts")];
    writeFileSync(config(resolution), JSON.stringify({ compilerOptions, include }));
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

it("in-process tsc prints what the tsc CLI prints (diagnostics, --listFiles, exit status), cache warm or not", () => {
  const bundler = tscInProcess(config("Bundler"), { listFiles: true });
  const first = tscInProcess(config("NodeNext"), { listFiles: true });
  const again = tscInProcess(config("NodeNext"), { listFiles: true });
  const cli = spawnSync(
    process.execPath,
    [path.join(REPO, "node_modules/typescript/bin/tsc"), "-p", config("NodeNext"), "--listFiles", "--pretty", "false"],
    { encoding: "utf8" },
  );
  expect(cli.stderr).toBe("");
  expect(cli.status).toBe(2);
  expect(first).toEqual({ status: cli.status, output: cli.stdout });
  expect(again).toEqual(first);

  // Not vacuous: the fixture's errors are there, the module format decides which, and the listed
  // files include lib and node_modules declarations (the ones the cache shares).
  expect(codes(first.output)).toEqual(["3 TS2835", "4 TS6133", "5 TS2322", "2 TS1287", "2 TS2322"]);
  expect(codes(bundler.output)).toEqual(["4 TS6133", "5 TS2322", "8 TS2322", "1 TS1202", "2 TS1287", "2 TS2322"]);
  const listed = first.output.split("\n").filter((line) => path.isAbsolute(line));
  for (const file of ["typescript/lib/lib.es2022.d.ts", "@types/node/fs.d.ts", "openapi-fetch/dist/index.d.mts"])
    expect(listed.some((line) => line.endsWith(`node_modules/${file}`))).toBe(true);
});
