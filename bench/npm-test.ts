// Benchmark 5: the wall time of `npm test`, once (it is minutes of mixed work; one run says
// enough against a 60 s target). The smoke test passes a trivial command instead.
import { BIN, REPO } from "./lib/paths.js";
import { type Command, describeCommand, runProcess } from "./lib/proc.js";
import type { Row } from "./lib/table.js";

export const NPM_TEST_LIMIT_MS = 60_000;

export interface NpmTestOptions {
  /** The command to time (default `npm test` in the repo). */
  readonly command?: Command;
}

export async function benchNpmTest(options: NpmTestOptions = {}): Promise<Row[]> {
  const command = options.command ?? { argv: [BIN.npm, "test"], cwd: REPO };
  const result = await runProcess(command);
  const ok = result.code === 0;
  const summary = /Tests\s+(.*?)\s*\n/.exec(result.stdout.replace(/\x1b\[[0-9;]*m/g, ""))?.[1];
  return [
    {
      bench: "5",
      what: `${command.argv.join(" ")} wall time, once${ok ? "" : ` — exit ${result.code}`}${summary === undefined ? "" : ` (vitest: ${summary})`}`,
      unit: "ms",
      ours: {
        label: "npm test",
        command: describeCommand(command),
        value: result.ms,
        ...(ok
          ? {}
          : { error: `exit ${result.code}: ${result.stderr.trim().split("\n").slice(-3).join(" | ").slice(0, 300)}` }),
      },
      target: `≤ ${NPM_TEST_LIMIT_MS / 1000} s`,
      met: ok && result.ms <= NPM_TEST_LIMIT_MS,
    },
  ];
}
