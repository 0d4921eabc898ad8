// Every benchmark under bench/ runs once here on tiny input (one run, a few calls, the petstore
// spec, a trivial command in place of `npm test`), so none of them can rot. Only the shape of
// the figures is checked (finite, positive, rows present): no timing thresholds.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { benchBundle } from "../../bench/bundle.js";
import { benchGenerate } from "../../bench/generate.js";
import { LARGE_SPECS, largeSpecFile, PETSTORE_SPEC, REPO } from "../../bench/lib/paths.js";
import { renderTable, type Row, rowProblems } from "../../bench/lib/table.js";
import { benchNpmTest } from "../../bench/npm-test.js";
import { benchSpec } from "../../bench/openai.js";
import { benchOverhead } from "../../bench/overhead.js";
import { profileGenerate, renderProfile } from "../../bench/profile.js";
import { machine, renderBundleDetails } from "../../bench/run.js";

const tiny = { runs: 1, warmup: 0 } as const;

function expectWellFormed(rows: readonly Row[], count: number): void {
  expect(rows).toHaveLength(count);
  expect(rows.flatMap(rowProblems)).toEqual([]);
  const table = renderTable(rows);
  for (const row of rows) expect(table).toContain(row.what);
  expect(table).not.toContain("FAILED");
}

describe.concurrent("benchmarks on tiny input", () => {
  it("1: generate vs openapi-typescript --redocly, its floor, and the no-change answer (one api, one run)", async () => {
    const rows = await benchGenerate({ ...tiny, apis: ["morune"], noChange: true, floor: true });
    expectWellFormed(rows, 3);
    expect(rows[0]!.peer!.command).toContain("--redocly");
    expect(rows[1]!.ours.command).toContain("bench/floor.mjs");
    expect(rows[2]!.target).toBe("≤ 300 ms");
  }, 90_000);

  it("2: generation vs openapi-typescript and hey-api, and tsc over one call per operation (petstore)", async () => {
    const rows = await benchSpec({ ...tiny, spec: PETSTORE_SPEC });
    expectWellFormed(rows, 3);
    expect(rows[2]!.what).toMatch(/\(3 \/ 3 calls\)/);
  }, 90_000);

  it("large: generation vs openapi-typescript only (petstore in place of the large specs, which are installed or unpacked)", async () => {
    for (const large of LARGE_SPECS) {
      const file = largeSpecFile(large);
      expect(existsSync(file), large.label).toBe(true);
      expect((JSON.parse(readFileSync(file, "utf8")) as { openapi?: string }).openapi, large.label).toMatch(/^3\./);
    }
    const rows = await benchSpec({ ...tiny, spec: PETSTORE_SPEC, full: false });
    expectWellFormed(rows, 1);
    expect(rows[0]!.what).toMatch(/vs openapi-typescript$/);
  }, 90_000);

  it("3: per-call overhead (20 calls in 2 rounds)", async () => {
    const rows = await benchOverhead({ calls: 20, rounds: 2, warmup: 1 });
    expectWellFormed(rows, 3);
    for (const row of rows) expect(row.unit).toBe("µs/call");
  }, 30_000);

  it("4: bundle size with per-module attribution (one provider)", async () => {
    const result = await benchBundle({ apis: ["morune"] });
    expectWellFormed(result.rows, 1);
    const [figures] = result.figures;
    expect(figures!.withoutValidators).toBeLessThanOrEqual(figures!.gzip);
    // The floor carries no method table, no other operation and no validators.
    expect(figures!.runtimeFloor).toBeGreaterThan(0);
    expect(figures!.runtimeFloor).toBeLessThan(figures!.withoutValidators);
    expect(figures!.modules.some((m) => m.module === "generated/morune/validators.gen.ts")).toBe(true);
    expect(renderBundleDetails(result)).toContain("| morune |");
  }, 30_000);

  it("5: wall and CPU time of a command, by kind of Node process (a small one in place of npm test)", async () => {
    // A parent that runs one child: both must be in the ledger, with the child's loop counted.
    const child = "let s = 0; for (let i = 0; i < 3e7; i++) s += i;";
    const parent = `require("node:child_process").execFileSync(process.execPath, ["-e", ${JSON.stringify(child)}])`;
    const { rows, cpu } = await benchNpmTest({ command: { argv: ["node", "-e", parent], cwd: REPO } });
    expectWellFormed(rows, 2);
    expect(rows.map((r) => r.met)).toEqual([true, true]);
    expect(cpu.kinds).toEqual([{ kind: "other Node processes", processes: 2, ms: cpu.ms }]);
    expect(cpu.ms).toBeGreaterThan(0);
    expect(rows[1]!.ours.value).toBe(cpu.ms);
  }, 30_000);

  it("profile: phases, and the precompiled launch (petstore)", async () => {
    // The tsx CLI launch is benchmark 1's command; the precompiled one is the fragile part.
    const result = await profileGenerate({
      spec: PETSTORE_SPEC,
      runs: 1,
      launchRuns: 1,
      launchWarmup: 0,
      launchVariants: ["compiled"],
    });
    expect(result.launches).toHaveLength(1);
    expect(result.phases.length).toBeGreaterThan(10);
    for (const p of result.phases) expect(Number.isFinite(p.ms) && p.ms >= 0).toBe(true);
    expect(result.launches.map((l) => [l.error, Number.isFinite(l.ms) && l.ms! > 0])).toEqual(
      result.launches.map(() => [undefined, true]),
    );
    expect(result.apis[0]!.operations).toBe(3);
    expect(renderProfile(result)).toContain(path.basename(PETSTORE_SPEC));
  }, 90_000);

  it("the report header names the machine", () => {
    expect(machine()).toMatch(/\d+ cores \(nproc\).*Node v\d+/);
  });
});
