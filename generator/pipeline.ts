import type { Config } from "@redocly/openapi-core";
import { clientFileStatements, clientNames } from "./emit/client-file.js";
import { createEmitProject, printFile } from "./emit/emit-files.js";
import { generatedHeader } from "./emit/header.js";
import { indentCode } from "./emit/indent.js";
import { indexFileStatements } from "./emit/index-file.js";
import { runtimeFiles } from "./emit/runtime-files.js";
import { validatorsFile } from "./emit/validators-file.js";
import { webhookFileStatements, webhookNames } from "./emit/webhook-file.js";
import { type ApiEntry } from "./load/project.js";
import { loadSpec } from "./load/load-spec.js";
import { buildModel } from "./model/build-model.js";
import { schemaTypes } from "./types/schema-types.js";
import { type Layout, PROJECT_LAYOUT } from "./write/layout.js";

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

/**
 * load → types → model → emit for every api, entirely in memory: nothing is written here, so a
 * failing spec leaves the output untouched. Throws SpecError naming the file and JSON pointer.
 */
export async function generate(
  apis: readonly ApiEntry[],
  config: Config,
  sourceRoot: string,
  layout: Layout = PROJECT_LAYOUT,
): Promise<GenerationResult> {
  const project = createEmitProject();
  const files = new Map<string, string>();
  const reports: ApiReport[] = [];
  for (const [name, text] of await runtimeFiles()) files.set(`${layout.runtimeDir}${name}`, text);
  for (const api of apis) {
    const started = performance.now();
    const spec = await loadSpec(api, config, sourceRoot);
    const loaded = performance.now();
    const model = buildModel(spec);
    const modelled = performance.now();
    const types = schemaTypes(spec.document);
    const typed = performance.now();
    const names = clientNames(model);
    const hooks = model.webhooks.length > 0 ? webhookNames(model, names) : undefined;
    const others = spec.files.length - 1;
    const header = generatedHeader(others === 0 ? spec.displayPath : `${spec.displayPath} and the ${others} file${others === 1 ? "" : "s"} it refers to`, spec.sha256);
    const { runtimeImport } = layout;
    const dir = layout.apiDir(api.name);
    const validators = validatorsFile(model, names, runtimeImport);
    const apiFiles: [string, string][] = [
      [`${dir}schema.gen.ts`, header + types],
      [`${dir}validators.gen.ts`, header + indentCode(validators.text)],
      [`${dir}client.gen.ts`, printFile(project, "client.gen.ts", clientFileStatements(model, names, validators.names, runtimeImport), header)],
      [`${dir}index.ts`, printFile(project, "index.ts", indexFileStatements(model, names, runtimeImport, hooks), header)],
    ];
    if (hooks !== undefined) {
      apiFiles.push([`${dir}webhooks.gen.ts`, printFile(project, "webhooks.gen.ts", webhookFileStatements(model, hooks, runtimeImport), header)]);
    }
    for (const [file, text] of apiFiles) files.set(file, text);
    const done = performance.now();
    reports.push({
      name: api.name,
      operations: model.operations.length,
      files: apiFiles.length,
      sources: spec.files,
      ms: done - started,
      phases: { load: loaded - started, model: modelled - loaded, types: typed - modelled, emit: done - typed },
    });
  }
  return { files, reports };
}
