import path from "node:path";
import type { Config } from "@redocly/openapi-core";
import { clientFileStatements, clientNames } from "./emit/client-file.js";
import { createEmitProject, printFile } from "./emit/emit-files.js";
import { generatedHeader } from "./emit/header.js";
import { indexFileStatements } from "./emit/index-file.js";
import { runtimeFiles } from "./emit/runtime-files.js";
import { validatorsFile } from "./emit/validators-file.js";
import { webhookFileStatements, webhookNames } from "./emit/webhook-file.js";
import { type ApiEntry } from "./load/project.js";
import { loadSpec } from "./load/load-spec.js";
import { buildModel } from "./model/build-model.js";
import { schemaTypes } from "./types/schema-types.js";

export interface ApiReport {
  readonly name: string;
  readonly operations: number;
  readonly files: number;
  readonly ms: number;
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
export async function generate(apis: readonly ApiEntry[], config: Config, sourceRoot: string): Promise<GenerationResult> {
  const project = createEmitProject();
  const files = new Map<string, string>();
  const reports: ApiReport[] = [];
  for (const [name, text] of await runtimeFiles()) files.set(`runtime/${name}`, text);
  for (const api of apis) {
    const started = performance.now();
    const spec = await loadSpec(api, config);
    const model = buildModel(spec);
    const types = await schemaTypes(spec.document);
    const names = clientNames(model);
    const hooks = model.webhooks.length > 0 ? webhookNames(model, names) : undefined;
    const header = generatedHeader(path.relative(sourceRoot, spec.file).split(path.sep).join("/"), spec.sha256);
    const runtimeImport = "../runtime/index.js";
    const validators = validatorsFile(model, names, runtimeImport);
    const apiFiles: [string, string][] = [
      [`${api.name}/schema.gen.ts`, header + types],
      [`${api.name}/validators.gen.ts`, printFile(project, "validators.gen.ts", [validators.text], header)],
      [`${api.name}/client.gen.ts`, printFile(project, "client.gen.ts", clientFileStatements(model, names, validators.names, runtimeImport), header)],
      [`${api.name}/index.ts`, printFile(project, "index.ts", indexFileStatements(model, names, runtimeImport, hooks), header)],
    ];
    if (hooks !== undefined) {
      apiFiles.push([`${api.name}/webhooks.gen.ts`, printFile(project, "webhooks.gen.ts", webhookFileStatements(model, hooks, runtimeImport), header)]);
    }
    for (const [file, text] of apiFiles) files.set(file, text);
    reports.push({ name: api.name, operations: model.operations.length, files: apiFiles.length, ms: performance.now() - started });
  }
  return { files, reports };
}
