import path from "node:path";
import type { Config } from "@redocly/openapi-core";
import { type ApiEntry, loadProject, ProjectConfigError, standaloneConfig } from "../load/project.js";
import { SpecError } from "../load/load-spec.js";
import { generate } from "../pipeline.js";
import { type Layout, PROJECT_LAYOUT, SINGLE_LAYOUT } from "../emit/layout.js";
import { checkOutDir, diffOutput, OutputError, type OutputTarget, writeOutput } from "../write/output.js";
import { rememberRun } from "../cache/remember.js";
import type { CacheContext } from "../cache/store.js";
import { UsageError, type CliOptions } from "./args.js";
import { debug } from "./debug.js";
import { mappedStack } from "./mapped-stack.js";
import { shownDir } from "./shown.js";

/** One generation, as the CLI (and watch mode) runs it. */
export interface RunResult {
  readonly code: number;
  /** Spec files the run read (for watch mode). */
  readonly sources: readonly string[];
}

interface Target {
  readonly apis: readonly ApiEntry[];
  readonly config: Config;
  readonly layout: Layout;
  readonly output: OutputTarget;
}

async function target(options: CliOptions, cwd: string): Promise<Target> {
  if (options.spec !== undefined && options.out !== undefined) {
    const root = path.resolve(cwd, options.spec);
    const name =
      path
        .basename(root)
        .replace(/\.(ya?ml|json)$/i, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "api";
    // The spec's project is the folder the command runs in, or the spec's own if it lies elsewhere.
    const inside = !path.relative(cwd, root).startsWith("..");
    const policy = {
      root: inside ? cwd : path.dirname(root),
      allowRemoteRefs: options.allowRemoteRefs === true,
      allowOutsideRefs: options.allowOutsideRefs === true,
    };
    const outDir = path.resolve(cwd, options.out);
    checkOutDir(outDir, cwd);
    // The folder may hold the user's other folders; the run owns its top level and runtime/.
    const output = {
      outDir,
      owned: ["", SINGLE_LAYOUT.runtimeDir],
      recursive: false,
      allowOtherFiles: options.allowOtherFiles === true,
    };
    return { apis: [{ name, root, policy }], config: await standaloneConfig(), layout: SINGLE_LAYOUT, output };
  }
  const project = await loadProject(cwd, options);
  const unknown = options.apis.filter((name) => !project.apis.some((a) => a.name === name));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown --api ${unknown.join(", ")}; configured in redocly.yaml: ${project.apis.map((a) => a.name).join(", ")}`,
    );
  }
  const chosen = options.apis.length > 0;
  const apis = chosen ? project.apis.filter((a) => options.apis.includes(a.name)) : project.apis;
  // A full run owns all of generated/ (so a removed api's files go too); --api only its folders.
  const owned = chosen ? [...apis.map((a) => PROJECT_LAYOUT.apiDir(a.name)), PROJECT_LAYOUT.runtimeDir] : [""];
  const output = {
    outDir: path.join(cwd, "generated"),
    owned,
    recursive: true,
    allowOtherFiles: options.allowOtherFiles === true,
  };
  return { apis, config: project.config, layout: PROJECT_LAYOUT, output };
}

/** Where a successful run is recorded for the next run's no-change answer (cache/no-change.ts). */
export interface Remember {
  readonly cache: CacheContext;
  readonly key: string;
}

/**
 * Generates (or checks) once. Expected failures print one message and return exit code 1 or 2.
 * With `remember`, a success (written, or fresh under --check) is recorded in the cache.
 */
export async function runOnce(
  options: CliOptions,
  cwd: string,
  log = console.log,
  error = console.error,
  remember?: Remember,
): Promise<RunResult> {
  let sources: string[] = [];
  const startedAt = Date.now();
  try {
    const t = await target(options, cwd);
    sources = t.apis.map((a) => a.root);
    const result = await generate(t.apis, t.config, cwd, t.layout);
    sources = result.reports.flatMap((r) => r.sources);
    const diff = await diffOutput(t.output, result.files);
    for (const r of result.reports) {
      log(`${r.name}: ${r.operations} operation(s), ${r.files} files in ${Math.round(r.ms)} ms`);
      if (debug)
        log(
          `  ${Object.entries(r.phases)
            .map(([phase, ms]) => `${phase} ${Math.round(ms)} ms`)
            .join(", ")}`,
        );
    }
    const shown = shownDir(cwd, t.output.outDir);
    const record = () =>
      remember === undefined
        ? Promise.resolve()
        : rememberRun(remember.cache, remember.key, {
            sources,
            ...(options.spec === undefined ? { projectDir: cwd } : {}),
            output: t.output,
            startedAt,
          });
    const stale = [...diff.changed, ...diff.removed].map((f) => `${shown}/${f}`);
    if (options.check) {
      if (stale.length === 0) {
        log(`${shown}/ is up to date`);
        await record();
        return { code: 0, sources };
      }
      error(`${shown}/ is stale; run \`npm run generate\`:\n${stale.map((f) => `  ${f}`).join("\n")}`);
      return { code: 1, sources };
    }
    const writing = performance.now();
    await writeOutput(t.output.outDir, result.files, diff);
    await record();
    if (debug)
      log(`write ${Math.round(performance.now() - writing)} ms; process up ${Math.round(performance.now())} ms`);
    log(
      stale.length === 0
        ? `${shown}/ unchanged`
        : `updated ${stale.length} file(s):\n${stale.map((f) => `  ${f}`).join("\n")}`,
    );
    return { code: 0, sources };
  } catch (e) {
    if (e instanceof UsageError) {
      error(e.message);
      return { code: 2, sources };
    }
    if (e instanceof SpecError || e instanceof ProjectConfigError || e instanceof OutputError) {
      error(e.message);
      return { code: 1, sources };
    }
    error(
      `internal error (a bug in the generator, please report it): ${e instanceof Error ? mappedStack(e.stack ?? e.message) : String(e)}`,
    );
    return { code: 1, sources };
  }
}
