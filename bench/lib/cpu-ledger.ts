// Where a command's CPU time goes, by kind of Node process: the ledger that
// cpu-ledger-preload.cjs writes, one file per process, read and summed by kind. Processes that
// are not Node (esbuild's binary, git, the shell) are not in it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PRELOAD = fileURLToPath(new URL("./cpu-ledger-preload.cjs", import.meta.url));

/** Kinds of process, first match wins, tested against the command line (Node's options included). */
const KINDS: readonly (readonly [kind: string, argv: RegExp])[] = [
  ["vitest workers (the tests that run in process)", /\/vitest\/dist\/workers\//],
  ["vitest main process (scheduling, transforms, reporting)", /\/vitest(\.mjs|\/dist\/cli\.js)? /],
  ["Prism mocks", /\/@stoplight\/prism-cli\//],
  ["tsc", /\/typescript\/bin\/tsc|\/\.bin\/tsc /],
  ["npm (pack, install, run)", /\/np[mx](-cli\.js)? /],
  [
    "the launcher (generate, --check, --watch, lint, mock, docs, the build's spec bundling)",
    /\/generator\/launch(-[\w-]+)?\.mjs /,
  ],
  ["Redocly CLI (lint, build-docs)", /\/@redocly\/cli\//],
  ["peers of the benchmarks (openapi-typescript, hey-api)", /\/openapi-typescript\/bin\/|\/@hey-api\/openapi-ts\//],
  ["scripts run by tsx (the benchmark profile, test helpers)", /\/tsx\/dist\/|\/\.bin\/tsx |--import tsx /],
];
const OTHER = "other Node processes";

export interface CpuKind {
  readonly kind: string;
  readonly processes: number;
  /** User and system CPU time, milliseconds. */
  readonly ms: number;
}

export interface CpuLedger {
  readonly processes: number;
  readonly ms: number;
  /** Costliest first. */
  readonly kinds: readonly CpuKind[];
}

interface Entry {
  readonly argv: readonly string[];
  readonly execArgv: readonly string[];
  readonly user: number;
  readonly system: number;
}

export function kindOf(entry: Pick<Entry, "argv" | "execArgv">): string {
  const [node, ...rest] = entry.argv;
  const line = `${[node, ...entry.execArgv, ...rest].join(" ")} `;
  return KINDS.find(([, pattern]) => pattern.test(line))?.[0] ?? OTHER;
}

/**
 * Runs `run` with an environment (added to its command's) that makes every Node process it starts
 * write to a fresh ledger, then sums the ledger; the folder is removed either way.
 */
export async function withLedger<T>(run: (env: Record<string, string>) => Promise<T>): Promise<[T, CpuLedger]> {
  const dir = mkdtempSync(path.join(tmpdir(), "payspec-cpu-ledger-"));
  try {
    const inherited = process.env.NODE_OPTIONS;
    const result = await run({
      PAYSPEC_CPU_LEDGER: dir,
      NODE_OPTIONS: `${inherited === undefined ? "" : `${inherited} `}--require ${JSON.stringify(PRELOAD)}`,
    });
    const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
    return [result, summarize(files.map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Entry))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function summarize(entries: readonly Entry[]): CpuLedger {
  const byKind = new Map<string, { processes: number; ms: number }>();
  for (const entry of entries) {
    const kind = kindOf(entry);
    const sum = byKind.get(kind) ?? { processes: 0, ms: 0 };
    sum.processes += 1;
    sum.ms += (entry.user + entry.system) / 1000;
    byKind.set(kind, sum);
  }
  const kinds = [...byKind].map(([kind, sum]) => ({ kind, ...sum })).sort((a, b) => b.ms - a.ms);
  return { processes: entries.length, ms: kinds.reduce((total, k) => total + k.ms, 0), kinds };
}

/** The ledger as a Markdown table: seconds of CPU and share of the whole, by kind of process. */
export function renderCpuLedger(title: string, ledger: CpuLedger): string {
  const lines = [
    `${title}: ${(ledger.ms / 1000).toFixed(1)} s of CPU in ${ledger.processes} Node processes.`,
    "",
    "| kind of process | processes | CPU | share |",
    "|---|---:|---:|---:|",
    ...ledger.kinds.map(
      (k) =>
        `| ${k.kind} | ${k.processes} | ${(k.ms / 1000).toFixed(1)} s | ${((100 * k.ms) / ledger.ms).toFixed(0)}% |`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
