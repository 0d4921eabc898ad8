import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript without declarations (the launcher's helper)
import { COMPILER } from "../../generator/compiler.mjs";
import { REPO } from "../helpers/temp-project.js";

// The launcher's own code cache for Node 20 (generator/code-cache.mjs), driven in child processes
// so its hook on CommonJS compilation stays out of the test runner.
const work = mkdtempSync(path.join(tmpdir(), "payspec-code-cache-"));
const cacheDir = path.join(work, "cache");
const pkg = path.join(work, "node_modules", "fixture");
mkdirSync(pkg, { recursive: true });
writeFileSync(
  path.join(pkg, "index.js"),
  `"use strict";
const other = require("./other.js");
module.exports = {
  thisIsExports: this === module.exports,
  dirname: __dirname,
  filename: __filename,
  resolved: require.resolve("./other.js"),
  cached: require.cache[__filename] === module,
  other,
  load: require("./lazy.js"),
};
`,
);
writeFileSync(path.join(pkg, "other.js"), `module.exports = "other";\n`);
// Not in the list: Node compiles it as usual, so its import() works (code-cache.mjs).
writeFileSync(path.join(pkg, "lazy.js"), `module.exports = () => import("./esm.mjs");\n`);
writeFileSync(path.join(pkg, "esm.mjs"), "export const answer = 42;\n");
writeFileSync(path.join(work, "outside.cjs"), `module.exports = "outside";\n`);
writeFileSync(
  path.join(work, "run.mjs"),
  `import { createRequire } from "node:module";
import { enableCodeCache } from ${JSON.stringify(pathToFileURL(path.join(REPO, "generator/code-cache.mjs")).href)};
const counts = enableCodeCache(process.argv[2], ${JSON.stringify([path.join(pkg, "index.js"), path.join(pkg, "other.js")])});
const require = createRequire(import.meta.url);
const { load, ...fixture } = require("fixture");
const outside = require("./outside.cjs");
const { answer } = await load();
// Registered after the cache's own exit handler, so the counts are final and the files written.
process.once("exit", () => console.log(JSON.stringify({ counts, fixture, outside, answer })));
`,
);

interface Run {
  counts: { cached: number; compiled: number };
  fixture: Record<string, unknown>;
  outside: string;
  answer: number;
}

const run = (dir = cacheDir): Run =>
  JSON.parse(execFileSync(process.execPath, [path.join(work, "run.mjs"), dir], { cwd: work, encoding: "utf8" })) as Run;

const caches = () => readdirSync(cacheDir).sort();

/** What Node's own loader gives the fixture: the hook must not change a module's view of itself. */
const expected = {
  fixture: {
    thisIsExports: true,
    dirname: pkg,
    filename: path.join(pkg, "index.js"),
    resolved: path.join(pkg, "other.js"),
    cached: true,
    other: "other",
  },
  outside: "outside",
  answer: 42,
};

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the launcher's code cache (Node 20)", () => {
  it("compiles each listed CommonJS file once, writes its cache at exit, and loads it from there next time", () => {
    const first = run();
    expect(first).toMatchObject(expected);
    expect(first.counts, "files not listed are Node's business").toEqual({ cached: 0, compiled: 2 });
    expect(caches()).toHaveLength(2);
    expect(
      caches().every((f) => f.endsWith(".bin")),
      "no half-written file is left",
    ).toBe(true);
    const second = run();
    expect(second).toMatchObject(expected);
    expect(second.counts).toEqual({ cached: 2, compiled: 0 });
  });

  it("a cache V8 rejects (corrupt, or from another engine) is compiled past and rewritten", () => {
    run();
    for (const file of caches()) writeFileSync(path.join(cacheDir, file), "not a code cache");
    const rejected = run();
    expect(rejected).toMatchObject(expected);
    expect(rejected.counts).toEqual({ cached: 0, compiled: 2 });
    for (const file of caches()) expect(readFileSync(path.join(cacheDir, file), "utf8")).not.toBe("not a code cache");
    expect(run().counts).toEqual({ cached: 2, compiled: 0 });
  });

  it("an edited file gets a cache of its own; the others keep theirs", () => {
    run();
    writeFileSync(path.join(pkg, "other.js"), `module.exports = "edited";\n`);
    const edited = run();
    expect(edited.fixture.other).toBe("edited");
    expect(edited.counts).toEqual({ cached: 1, compiled: 1 });
    writeFileSync(path.join(pkg, "other.js"), `module.exports = "other";\n`);
  });

  it("a cache folder that cannot be written costs only the compile", () => {
    const blocked = path.join(work, "a-file");
    writeFileSync(blocked, "");
    const result = run(path.join(blocked, "cache"));
    expect(result).toMatchObject(expected);
    expect(result.counts).toEqual({ cached: 0, compiled: 2 });
  });

  it("ts-morph's TypeScript, the file the launcher caches, never calls import() (a cached file could not)", () => {
    const file = createRequire(path.join(REPO, "generator/launch.mjs")).resolve(COMPILER);
    const source = ts.createSourceFile(
      file,
      readFileSync(file, "utf8"),
      ts.ScriptTarget.Latest,
      false,
      ts.ScriptKind.JS,
    );
    const calls: number[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) calls.push(node.pos);
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(source.statements.length, "the file parsed").toBeGreaterThan(0);
    expect(calls).toEqual([]);
  });
});
