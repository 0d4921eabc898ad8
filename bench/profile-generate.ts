// Child process of bench/profile.ts: one `generate` run, with the time of every import and of
// every phase the pipeline reports (its onPhase hook: load, model, types, emit and emit's
// parts), then the writer's. Prints one JSON object on stdout. Usage:
//   tsx bench/profile-generate.ts --project <dir>      (redocly.yaml in <dir>, output <dir>/generated)
//   tsx bench/profile-generate.ts --spec <file> --out <dir>
// All imports are dynamic so their cost can be timed; performance.now() counts from the start
// of this (tsx's child) process.
import { parseArgs } from "node:util";

export interface ProfileStep {
  readonly phase: string;
  readonly ms: number;
  readonly api?: string;
}

export interface ProfileReport {
  /** Milliseconds from this process's start to the first line of this script (Node + tsx loader + transpiling this file). */
  readonly boot: number;
  readonly steps: readonly ProfileStep[];
  /** Milliseconds from this process's start to the end of the run. */
  readonly end: number;
  readonly apis: readonly {
    readonly name: string;
    readonly operations: number;
    readonly specBytes: number;
    readonly outputBytes: number;
  }[];
}

async function main(): Promise<void> {
  const boot = performance.now();
  const { values } = parseArgs({
    options: { project: { type: "string" }, spec: { type: "string" }, out: { type: "string" } },
  });
  const steps: ProfileStep[] = [];
  async function timed<T>(phase: string, work: () => Promise<T> | T, api?: string): Promise<T> {
    const started = performance.now();
    const result = await work();
    steps.push({ phase, ms: performance.now() - started, ...(api === undefined ? {} : { api }) });
    return result;
  }

  // Imports, heaviest shared dependencies first; each figure is what that import adds.
  await timed("import typescript (openapi-typescript's compiler, typescript/lib)", () => import("typescript"));
  await timed("import @redocly/openapi-core", () => import("@redocly/openapi-core"));
  await timed("import openapi-typescript", () => import("openapi-typescript"));
  await timed("import ts-morph (bundles its own TypeScript compiler, @ts-morph/common)", () => import("ts-morph"));
  const [project, pipeline, layouts, output] = await timed("import generator modules (tsx transpiles them)", () =>
    Promise.all([
      import("../generator/load/project.js"),
      import("../generator/pipeline.js"),
      import("../generator/emit/layout.js"),
      import("../generator/write/output.js"),
    ]),
  );
  const path = await import("node:path");
  const { readFileSync } = await import("node:fs");

  let target: {
    apis: readonly { name: string; root: string }[];
    config: import("@redocly/openapi-core").Config;
    outDir: string;
    sourceRoot: string;
    single: boolean;
  };
  if (values.project !== undefined) {
    const dir = values.project;
    const p = await timed("config: load redocly.yaml + lint plugin", () => project.loadProject(dir));
    target = { apis: p.apis, config: p.config, outDir: path.join(dir, "generated"), sourceRoot: dir, single: false };
  } else if (values.spec !== undefined && values.out !== undefined) {
    const config = await timed("config: standalone lint config", () => project.standaloneConfig());
    const root = path.resolve(values.spec);
    target = {
      apis: [{ name: "api", root }],
      config,
      outDir: path.resolve(values.out),
      sourceRoot: process.cwd(),
      single: true,
    };
  } else {
    throw new Error("usage: profile-generate.ts --project <dir> | --spec <file> --out <dir>");
  }

  const layout = target.single ? layouts.SINGLE_LAYOUT : layouts.PROJECT_LAYOUT;
  const result = await pipeline.generate(target.apis, target.config, target.sourceRoot, layout, (api, phase, ms) =>
    steps.push({ phase, ms, ...(api === "" ? {} : { api }) }),
  );
  const apis = result.reports.map((r) => {
    const prefix = layout.apiDir(r.name);
    const outputBytes = [...result.files]
      .filter(([file]) => file.startsWith(prefix) && !file.startsWith(layout.runtimeDir))
      .reduce((n, [, text]) => n + text.length, 0);
    return {
      name: r.name,
      operations: r.operations,
      specBytes: readFileSync(target.apis.find((a) => a.name === r.name)!.root).length,
      outputBytes,
    };
  });
  const owned = target.single ? ["", layout.runtimeDir] : [""];
  const diff = await timed("write: compare with disk", () =>
    output.diffOutput(
      { outDir: target.outDir, owned, recursive: !target.single, allowOtherFiles: false },
      result.files,
    ),
  );
  await timed("write: write files", () => output.writeOutput(target.outDir, result.files, diff));
  const report: ProfileReport = { boot, steps, end: performance.now(), apis };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

await main();
