import type { Project } from "ts-morph";
import type { ApiModel } from "../model/types.js";
import type { Layout } from "./layout.js";
import type { SchemaTypes } from "./schema-file.js";
import { clientFileStatements } from "./client-file.js";
import { printFile } from "./emit-files.js";
import { indexFileStatements } from "./index-file.js";
import { apiNames } from "./names.js";
import { validatorsFile } from "./validators-file.js";
import { webhookFileStatements } from "./webhook-file.js";
import { wrapLines } from "./wrap-lines.js";

/** Reports how long a named part of the work took (for DEBUG=payspec and the benchmark profile). */
export type OnPhase = (phase: string, ms: number) => void;

/** Runs `work` as the phase `phase`, reporting its duration. */
export function timed<T>(phase: string, onPhase: OnPhase | undefined, work: () => T): T {
  const started = performance.now();
  const result = work();
  onPhase?.(phase, performance.now() - started);
  return result;
}

/**
 * Every file of one api, in memory: what the emitters make of its model and types, each
 * headed by `header`. Emit owns this set; the pipeline only hands it to the writer.
 */
export function emitApi(
  model: ApiModel,
  types: SchemaTypes,
  header: string,
  apiDir: string,
  layout: Layout,
  project: Project,
  onPhase?: OnPhase,
): [string, string][] {
  const { runtimeImport, webhookRuntimeImport } = layout;
  const names = apiNames(model);
  // Schemas schema.gen.ts declares by name, as index.ts exports them (enums keep their closed alias there).
  const schemaTypeNames = new Map(
    names.aliases.filter((a) => a.enumValues === undefined && types.named.has(a.schema)).map((a) => [a.schema, a.name]),
  );
  const validators = timed("emit: validators", onPhase, () => validatorsFile(model, names.client, runtimeImport));
  const files: [string, string][] = [
    [`${apiDir}schema.gen.ts`, header + types.text],
    // Printed as laid-out literals: the rules of a large spec are too much text for ts-morph's formatter.
    [`${apiDir}validators.gen.ts`, header + validators.request],
    [`${apiDir}response-validators.gen.ts`, header + validators.response],
    [
      `${apiDir}client.gen.ts`,
      timed("emit: client", onPhase, () =>
        printFile(
          project,
          clientFileStatements(model, names.client, validators.names, runtimeImport, schemaTypeNames),
          header,
        ),
      ),
    ],
    [
      `${apiDir}index.ts`,
      timed("emit: index", onPhase, () =>
        printFile(project, indexFileStatements(model, names, types.named, runtimeImport, webhookRuntimeImport), header),
      ),
    ],
  ];
  if (names.webhooks !== undefined) {
    const webhooks = names.webhooks;
    files.push([
      `${apiDir}webhooks.gen.ts`,
      timed("emit: webhooks", onPhase, () =>
        printFile(project, webhookFileStatements(model, webhooks, webhookRuntimeImport), header),
      ),
    ]);
  }
  // One layout pass over every file: long comments (spec descriptions) and unions are wrapped.
  return timed("emit: wrap", onPhase, () => files.map(([file, text]): [string, string] => [file, wrapLines(text)]));
}
