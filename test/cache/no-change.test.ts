// The no-change cache (generator/cache/): an unchanged run answers without loading a compiler,
// and every kind of change (a spec, a $ref'd file, redocly.yaml, an output file, the generator)
// gets a full run. What only a process can show goes through the real launcher: which TypeScript
// compilers it loaded, and a change to the generator, whose version the launcher computes. The
// other cases run `generateCommand` in this process, as the launcher's `main` runs it, with the
// cache the launcher passes (a full run as a process costs 1–2 s of CPU, most of it loading
// what this worker has loaded already). The DEBUG log says which path ran; no timing is asserted.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import module from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheKey } from "../../generator/cache/no-change.js";
import { recordFile } from "../../generator/cache/store.js";
import { parseCli } from "../../generator/cli/args.js";
import { generateCommand } from "../../generator/cli/generate-command.js";
// @ts-expect-error plain JavaScript without declarations (the launcher's helper)
import { dependencyVersion, generatorVersion } from "../../generator/cache/version.mjs";
import { tempProject } from "../helpers/temp-project.js";

let project: ReturnType<typeof tempProject>;
beforeAll(() => {
  project = tempProject();
});
afterAll(() => project.remove());

// Each case runs one api (a record per option set), to keep full runs short.
function generate(api: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ["generator/launch.mjs", "--api", api, ...args], {
    cwd: project.dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", DEBUG: "payspec" },
  });
  const cached = result.stdout.includes("no-change cache: hit");
  const full = result.stdout.includes("no-change cache: miss, full run") || args.includes("--force");
  expect(cached !== full, `exactly one path ran:\n${result.stdout}${result.stderr}`).toBe(true);
  const compilers = /TypeScript compilers loaded: (.*)/.exec(result.stdout)?.[1];
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, cached, compilers };
}

/** The copy's no-change cache, where its launcher keeps the records. */
const cacheDir = () => path.join(project.dir, "node_modules/.cache/payspec");

/** The same run in this process: the cache folder and generator version the launcher would use. */
async function generateHere(api: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const debug: string[] = [];
  const version = (generatorVersion as (repo: string, dependencies: string) => string)(
    project.dir,
    (dependencyVersion as (repo: string) => string)(project.dir),
  );
  const status = await generateCommand(
    parseCli(["--api", api, ...args]),
    { cwd: project.dir, out: (m) => out.push(m), err: (m) => err.push(m), debug: (m) => debug.push(m) },
    { dir: cacheDir(), version },
  );
  const cached = debug.includes("no-change cache: hit");
  const full = debug.includes("no-change cache: miss, full run") || args.includes("--force");
  expect(cached !== full, `exactly one path ran:\n${debug.join("\n")}`).toBe(true);
  return { status, stdout: out.join("\n"), stderr: err.join("\n"), cached };
}

const edit = (file: string, change: (text: string) => string) => project.edit(file, change);

/**
 * A full run that finds generated/ fresh leaves a record, so the next run is answered. In this
 * process: after a run of the launcher, that also shows the two agree on the generator's version.
 */
async function expectAnsweredAgain(api = "morune") {
  const again = await generateHere(api, "--check");
  expect(again.status).toBe(0);
  expect(again.cached).toBe(true);
}

describe.sequential("no-change cache", () => {
  it("a second unchanged run answers from the cache without loading a compiler; --force runs in full", () => {
    const first = generate("morune", "--check");
    expect(first.status).toBe(0);
    expect(first.cached).toBe(false);
    // A full run loads exactly one compiler: ts-morph's (the bundle sends openapi-typescript there).
    expect(first.compilers).toMatch(/^[^,]*@ts-morph\/common\/dist\/typescript\.js$/);

    const check = generate("morune", "--check");
    expect(check).toMatchObject({ status: 0, cached: true, compilers: "none" });
    expect(check.stdout).toContain("generated/ is up to date");
    const write = generate("morune");
    expect(write).toMatchObject({ status: 0, cached: true, compilers: "none" });
    expect(write.stdout).toContain("generated/ unchanged");

    const forced = generate("morune", "--check", "--force");
    expect(forced.status).toBe(0);
    expect(forced.cached).toBe(false);
    expect(forced.stdout).toMatch(/morune: \d+ operation\(s\)/);
    // The second full run: on Node 20 the compiler comes from the launcher's code cache
    // (generator/code-cache.mjs); Node >= 22.1 keeps its own, and the launcher none.
    if (!("enableCompileCache" in module))
      expect(forced.stdout).toContain("code cache: 1 CommonJS file(s) from cache, 0 compiled");
    else expect(forced.stdout).not.toContain("code cache:");
  }, 120_000);

  it("an edited spec gets a full run: --check names the stale file, generate rewrites it", async () => {
    // A record first, so that the edit is what the cache must notice.
    expect(await generateHere("cryptomus", "--check")).toMatchObject({ status: 0, cached: false });
    await expectAnsweredAgain("cryptomus");
    edit("specs/cryptomus.yaml", (t) => t.replace("        - locked\n", "        - frozen\n"));
    const stale = await generateHere("cryptomus", "--check");
    expect(stale).toMatchObject({ status: 1, cached: false });
    expect(stale.stderr).toContain("generated/cryptomus/schema.gen.ts");
    const written = await generateHere("cryptomus");
    expect(written).toMatchObject({ status: 0, cached: false });
    expect(readFileSync(path.join(project.dir, "generated/cryptomus/schema.gen.ts"), "utf8")).toContain('"frozen"');
    await expectAnsweredAgain("cryptomus");
  }, 120_000);

  it("an edited $ref'd file of a split spec gets a full run; undone, the record answers again", async () => {
    const undo = edit("specs/cryptomus/balance.yaml", (t) => `${t}\n# an edit\n`);
    const stale = await generateHere("cryptomus", "--check");
    expect(stale).toMatchObject({ status: 1, cached: false });
    expect(stale.stderr).toContain("generated/cryptomus/");
    // Content decides, not the file's time: the same bytes again match the record, which the
    // failed check left as it was.
    undo();
    await expectAnsweredAgain("cryptomus");
  }, 120_000);

  it("an edited redocly.yaml gets a full run, even when the output stays the same", async () => {
    edit("redocly.yaml", (t) => `${t}\n# an edit\n`);
    expect(await generateHere("morune", "--check")).toMatchObject({ status: 0, cached: false });
    await expectAnsweredAgain();
  }, 120_000);

  it("a hand-edited or deleted output file is reported by --check and rewritten by generate", async () => {
    const file = path.join(project.dir, "generated/morune/client.gen.ts");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, `${original}// a hand edit\n`);
    const edited = await generateHere("morune", "--check");
    expect(edited).toMatchObject({ status: 1, cached: false });
    expect(edited.stderr).toContain("generated/morune/client.gen.ts");

    rmSync(file);
    const deleted = await generateHere("morune", "--check");
    expect(deleted).toMatchObject({ status: 1, cached: false });
    expect(deleted.stderr).toContain("generated/morune/client.gen.ts");
    expect(await generateHere("morune")).toMatchObject({ status: 0, cached: false });
    expect(readFileSync(file, "utf8")).toBe(original);
    await expectAnsweredAgain();
  }, 120_000);

  it("a changed generator gets a full run", async () => {
    edit("generator/pipeline.ts", (t) => `${t}\n// an edit\n`);
    expect(generate("morune", "--check")).toMatchObject({ status: 0, cached: false });
    await expectAnsweredAgain();
  }, 120_000);

  // Each kind of garbage a record can hold is refused by readRecord (test/cache/read-record.test.ts);
  // here, one of them as a run meets it.
  it("a corrupt record is ignored: a full run, never an error", async () => {
    const cache = { dir: cacheDir(), version: "any" };
    const record = recordFile(cache, cacheKey(parseCli(["--api", "morune", "--check"]), project.dir)!);
    writeFileSync(record, "{ not json");
    const run = await generateHere("morune", "--check");
    expect(run).toMatchObject({ status: 0, cached: false });
    expect(run.stderr).toBe("");
    await expectAnsweredAgain();
  }, 120_000);
});
