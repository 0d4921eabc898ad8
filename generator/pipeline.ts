import type { Config } from "@redocly/openapi-core";
import { emitApi, type OnPhase, timed } from "./emit/api-files.js";
import { createEmitProject } from "./emit/emit-files.js";
import { generatedHeader } from "./emit/header.js";
import { runtimeFiles } from "./emit/runtime-files.js";
import { schemaTypes } from "./emit/schema-file.js";
import { loadSpec } from "./load/load-spec.js";
import type { ApiEntry } from "./load/project.js";
import { buildModel } from "./model/build-model.js";
import { type Layout, PROJECT_LAYOUT } from "./emit/layout.js";

export interface ApiReport {
  readonly name: string;
  readonly operations: number;
  readonly files: number;
  /** Every spec file read (the root and the files it refers to), for watch mode. */
  readonly sources: readonly string[];
  readonly ms: number;
  /** Milliseconds per phase: load (bundle + lint), model, types (openapi-typescript), emit. */
  readonly phases: Readonly<Record<"load" | "model" | "types" | "emit", number>>;
}

export interface GenerationResult {
  /** Path relative to the output root → content. */
  readonly files: ReadonlyMap<string, string>;
  readonly reports: readonly ApiReport[];
}

/** Reports each timed part of a run with its api ("" for the shared runtime). */
export type OnApiPhase = (api: string, phase: string, ms: number) => void;

/**
 * load → model → types → emit for every api, entirely in memory: nothing is written here, so a
 * failing spec leaves the output untouched. Throws SpecError naming the file and JSON pointer.
 * `onPhase` hears every phase (and emit's parts) as it ends.
 */
export async function generate(
  apis: readonly ApiEntry[],
  config: Config,
  sourceRoot: string,
  layout: Layout = PROJECT_LAYOUT,
  onPhase?: OnApiPhase,
): Promise<GenerationResult> {
  const project = createEmitProject();
  const files = new Map<string, string>();
  const reports: ApiReport[] = [];
  for (const [name, text] of await runtimeFiles()) files.set(`${layout.runtimeDir}${name}`, text);
  for (const api of apis) {
    const phases = { load: 0, model: 0, types: 0, emit: 0 };
    const report: OnPhase = (phase, ms) => {
      if (phase in phases) phases[phase as keyof typeof phases] = ms;
      onPhase?.(api.name, phase, ms);
    };
    const started = performance.now();
    const loadStarted = performance.now();
    const spec = await loadSpec(api, config, sourceRoot);
    report("load", performance.now() - loadStarted);
    const model = timed("model", report, () => buildModel(spec));
    const types = timed("types", report, () => schemaTypes(spec.document));
    const others = spec.files.length - 1;
    const header = generatedHeader(
      others === 0
        ? spec.displayPath
        : `${spec.displayPath} and the ${others} file${others === 1 ? "" : "s"} it refers to`,
      spec.sha256,
    );
    const apiFiles = timed("emit", report, () =>
      emitApi(model, types, header, layout.apiDir(api.name), layout, project, report),
    );
    for (const [file, text] of apiFiles) files.set(file, text);
    reports.push({
      name: api.name,
      operations: model.operations.length,
      files: apiFiles.length,
      sources: spec.files,
      ms: performance.now() - started,
      phases,
    });
  }
  return { files, reports };
}
