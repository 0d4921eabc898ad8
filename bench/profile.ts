// Where generate's time goes. Two measurements:
//  1. bench/profile-generate.ts in a child (through tsx's CLI, loading both compilers as the
//     sources do), timing every import and phase; median per phase over the runs.
//     The tsx CLI's own process (it starts Node again with its loader) is the whole-process
//     wall time minus the child's clock at the end.
//  2. The same full regeneration launched four ways, alternating: the launcher with --force
//     (what `npm run generate` runs: cached code-split bundle, one compiler), tsx's CLI on the
//     sources, Node with tsx's loader in one process (`node --import tsx`), and plain Node on
//     the generator precompiled to one ESM file by esbuild (dependencies external).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { stringify } from "yaml";
import { projectApis } from "./generate.js";
import { BIN, REPO } from "./lib/paths.js";
import { type Command, describeCommand, runProcess, timeProcess } from "./lib/proc.js";
import { alternate, median } from "./lib/stats.js";
import type { ProfileReport } from "./profile-generate.js";

export interface ProfileOptions {
  /** Profile `--spec <file>` instead of the project's specs. */
  readonly spec?: string;
  /** Only these project apis (default all). */
  readonly apis?: readonly string[];
  /** Profiled runs (median per phase; default 3). */
  readonly runs?: number;
  /** Counted runs of the launch comparison (default 5); 0 skips it. */
  readonly launchRuns?: number;
  /** Warm-up runs of the launch comparison (default 1). */
  readonly launchWarmup?: number;
  /** Which launches to compare (default all four). */
  readonly launchVariants?: readonly LaunchVariant[];
  readonly log?: (line: string) => void;
}

export type LaunchVariant = "launcher" | "tsx-cli" | "import-tsx" | "compiled";

export interface PhaseFigure {
  readonly phase: string;
  /** Median over runs of the phase's total (summed over apis). */
  readonly ms: number;
}

export interface LaunchFigure {
  readonly label: string;
  readonly command: string;
  readonly ms?: number;
  readonly error?: string;
}

export interface ProfileResult {
  readonly input: string;
  readonly wall: number;
  readonly phases: readonly PhaseFigure[];
  readonly perApi: readonly { readonly api: string; readonly phases: readonly PhaseFigure[] }[];
  readonly apis: ProfileReport["apis"];
  readonly launches: readonly LaunchFigure[];
}

/** A working folder with redocly.yaml (restricted to `apis`) and specs/, as bench 1 uses. */
function projectCopy(dir: string, apis: readonly string[] | undefined): string {
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(REPO, "specs"), path.join(dir, "specs"), { recursive: true });
  const names = apis ?? [...projectApis().keys()];
  const all = projectApis();
  const config = readFileSync(path.join(REPO, "redocly.yaml"), "utf8");
  const rest = config.replace(/^apis:\n(?:[ \t]+.*\n|\n)*/m, "");
  const listed = Object.fromEntries(names.map((n) => [n, { root: path.relative(REPO, all.get(n) ?? n) }]));
  writeFileSync(path.join(dir, "redocly.yaml"), `${stringify({ apis: listed })}\n${rest}`);
  return dir;
}

export async function profileGenerate(options: ProfileOptions = {}): Promise<ProfileResult> {
  const work = mkdtempSync(path.join(tmpdir(), "payspec-bench-profile-"));
  const log = options.log ?? (() => {});
  try {
    const project = options.spec === undefined ? projectCopy(path.join(work, "project"), options.apis) : undefined;
    const out = path.join(work, "out");
    const script = path.join(REPO, "bench/profile-generate.ts");
    const args = project === undefined ? ["--spec", options.spec!, "--out", out] : ["--project", project];
    const profiled: Command = { argv: ["node", BIN.tsx, script, ...args], cwd: project ?? REPO };
    const reports: ProfileReport[] = [];
    const walls: number[] = [];
    for (let run = 0; run < (options.runs ?? 3); run++) {
      rmSync(out, { recursive: true, force: true });
      if (project !== undefined) rmSync(path.join(project, "generated"), { recursive: true, force: true });
      const result = await runProcess(profiled);
      if (result.code !== 0)
        throw new Error(`profile run failed (exit ${result.code}): ${result.stderr.slice(0, 400)}`);
      const report = JSON.parse(result.stdout.trim().split("\n").pop()!) as ProfileReport;
      reports.push(report);
      walls.push(result.ms);
      log(`  profile run ${run}: ${Math.round(result.ms)} ms`);
    }
    const totals = (report: ProfileReport, wall: number, api?: string): Map<string, number> => {
      const map = new Map<string, number>();
      if (api === undefined) {
        map.set("process: tsx CLI process (starts Node again with its loader) + exit", wall - report.end);
        map.set("process: Node start + tsx loader + this script", report.boot);
      }
      for (const step of report.steps) {
        if (api !== undefined && step.api !== api) continue;
        map.set(step.phase, (map.get(step.phase) ?? 0) + step.ms);
      }
      return map;
    };
    const summarize = (api?: string): PhaseFigure[] => {
      const maps = reports.map((r, i) => totals(r, walls[i]!, api));
      return [...maps[0]!.keys()].map((phase) => ({ phase, ms: median(maps.map((m) => m.get(phase) ?? 0)) }));
    };
    const phases = summarize();
    const apis = reports[0]!.apis;
    const perApi = apis.map((a) => ({ api: a.name, phases: summarize(a.name) }));

    // Launch comparison: the same full regeneration started each way.
    const launches: LaunchFigure[] = [];
    const launchRuns = options.launchRuns ?? 5;
    if (launchRuns > 0) {
      const bundleDir = path.join(work, "compiled");
      mkdirSync(bundleDir);
      symlinkSync(path.join(REPO, "node_modules"), path.join(bundleDir, "node_modules"), "dir");
      const compiled = path.join(bundleDir, "generate.mjs");
      // runtime-files.ts finds generator/runtime/ from its own URL: keep that URL.
      await build({
        entryPoints: [path.join(REPO, "generator/cli/bin.ts")],
        bundle: true,
        packages: "external",
        platform: "node",
        format: "esm",
        target: "node20",
        outfile: compiled,
        logLevel: "silent",
        define: {
          "import.meta.url": JSON.stringify(pathToFileURL(path.join(REPO, "generator/emit/runtime-files.ts")).href),
        },
      });
      const cli = path.join(REPO, "generator/cli/bin.ts");
      const genArgs = project === undefined ? ["--spec", options.spec!, "--out", out] : [];
      const cwd = project ?? REPO;
      const wanted = options.launchVariants ?? ["launcher", "tsx-cli", "import-tsx", "compiled"];
      const variants: { label: string; command: Command }[] = (
        [
          {
            id: "launcher",
            label: "launcher (npm run generate -- --force: cached bundle, one compiler)",
            command: { argv: ["node", path.join(REPO, "generator/launch.mjs"), "--force", ...genArgs], cwd },
          },
          {
            id: "tsx-cli",
            label: "tsx CLI on the sources",
            command: { argv: ["node", BIN.tsx, cli, ...genArgs], cwd },
          },
          {
            id: "import-tsx",
            label: "node --import tsx (one process)",
            command: {
              argv: [
                "node",
                "--import",
                pathToFileURL(path.join(REPO, "node_modules/tsx/dist/loader.mjs")).href,
                cli,
                ...genArgs,
              ],
              cwd,
            },
          },
          {
            id: "compiled",
            label: "node on precompiled JS (esbuild bundle, packages external)",
            command: { argv: ["node", compiled, ...genArgs], cwd },
          },
        ] as const
      ).filter((v) => wanted.includes(v.id));
      const clean = () => {
        rmSync(out, { recursive: true, force: true });
        if (project !== undefined) rmSync(path.join(project, "generated"), { recursive: true, force: true });
      };
      const results = await alternate(
        variants.map((v) => ({
          name: v.label,
          run: () => {
            clean();
            return timeProcess(v.command);
          },
        })),
        {
          runs: launchRuns,
          warmup: options.launchWarmup ?? 1,
          onRun: (name, round, value) =>
            log(`  launch ${name} #${round}: ${value instanceof Error ? value.message : `${Math.round(value)} ms`}`),
        },
      );
      for (const [i, v] of variants.entries()) {
        const r = results[i];
        launches.push({
          label: v.label,
          command: describeCommand(v.command, project === undefined ? undefined : "<project copy>"),
          ...(r?.median === undefined ? {} : { ms: r.median }),
          ...(r?.error === undefined ? {} : { error: r.error }),
        });
      }
    }
    return {
      input:
        options.spec === undefined
          ? `project specs (${apis.map((a) => a.name).join(", ")})`
          : path.basename(options.spec),
      wall: median(walls),
      phases,
      perApi,
      apis,
      launches,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The profile as Markdown. */
export function renderProfile(result: ProfileResult): string {
  const total = result.phases.reduce((n, p) => n + p.ms, 0);
  const lines = [
    `Profile of one full \`generate\` on ${result.input}: ${Math.round(result.wall)} ms whole process (median), phases ${Math.round(total)} ms in all.`,
    "",
    "| phase | ms | share |",
    "|---|---:|---:|",
    ...result.phases.map((p) => `| ${p.phase} | ${Math.round(p.ms)} | ${((100 * p.ms) / total).toFixed(0)}% |`),
  ];
  if (result.perApi.length > 1) {
    lines.push(
      "",
      `Per api (ms): ${result.perApi.map((a) => `${a.api} ${Math.round(a.phases.reduce((n, p) => n + p.ms, 0))}`).join(", ")}.`,
    );
  }
  lines.push(
    "",
    `Inputs: ${result.apis.map((a) => `${a.name} ${a.operations} operations, spec ${(a.specBytes / 1024).toFixed(0)} KiB → output ${(a.outputBytes / 1024).toFixed(0)} KiB`).join("; ")}.`,
  );
  if (result.launches.length > 0) {
    lines.push(
      "",
      "The same full regeneration started each way (alternating, medians):",
      "",
      "| launch | ms | command |",
      "|---|---:|---|",
    );
    for (const l of result.launches)
      lines.push(
        `| ${l.label} | ${l.ms === undefined ? `FAILED: ${l.error ?? ""}` : Math.round(l.ms)} | \`${l.command}\` |`,
      );
  }
  return `${lines.join("\n")}\n`;
}
