// Benchmark 5: the wall time of `npm test`, once (it is minutes of mixed work; one run says
// enough against a 60 s target), and where its CPU time goes, by kind of Node process
// (lib/cpu-ledger.ts): on 2 cores, 60 s of wall time allow at most 120 s of CPU. The smoke test
// passes a trivial command instead.
import { availableParallelism } from "node:os";
import { type CpuLedger, withLedger } from "./lib/cpu-ledger.js";
import { BIN, REPO } from "./lib/paths.js";
import { type Command, describeCommand, runProcess } from "./lib/proc.js";
import type { Row } from "./lib/table.js";

export const NPM_TEST_LIMIT_MS = 60_000;

export interface NpmTestOptions {
  /** The command to time (default `npm test` in the repo). */
  readonly command?: Command;
}

export interface NpmTestResult {
  readonly rows: Row[];
  readonly cpu: CpuLedger;
}

export async function benchNpmTest(options: NpmTestOptions = {}): Promise<NpmTestResult> {
  const command = options.command ?? { argv: [BIN.npm, "test"], cwd: REPO };
  const [result, cpu] = await withLedger((env) => runProcess({ ...command, env: { ...command.env, ...env } }));
  const ok = result.code === 0;
  const summary = /Tests\s+(.*?)\s*\n/.exec(result.stdout.replace(/\x1b\[[0-9;]*m/g, ""))?.[1];
  const shown = describeCommand(command);
  const cores = availableParallelism();
  const cpuLimit = NPM_TEST_LIMIT_MS * cores;
  return {
    cpu,
    rows: [
      {
        bench: "5",
        what: `${command.argv.join(" ")} wall time, once${ok ? "" : ` — exit ${result.code}`}${summary === undefined ? "" : ` (vitest: ${summary})`}`,
        unit: "ms",
        ours: {
          label: "npm test",
          command: shown,
          value: result.ms,
          ...(ok
            ? {}
            : {
                error: `exit ${result.code}: ${result.stderr.trim().split("\n").slice(-3).join(" | ").slice(0, 300)}`,
              }),
        },
        target: `≤ ${NPM_TEST_LIMIT_MS / 1000} s`,
        met: ok && result.ms <= NPM_TEST_LIMIT_MS,
      },
      {
        bench: "5",
        what: `the same run's CPU time, all ${cpu.processes} Node processes (the wall-time target on ${cores} cores)`,
        unit: "ms",
        ours: {
          label: "CPU",
          command: `${shown}, with NODE_OPTIONS=--require bench/lib/cpu-ledger-preload.cjs`,
          value: cpu.ms,
        },
        target: `≤ ${cpuLimit / 1000} s`,
        met: ok && cpu.ms <= cpuLimit,
      },
    ],
  };
}
