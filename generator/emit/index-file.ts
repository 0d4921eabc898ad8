import { type StatementStructures, StructureKind } from "ts-morph";
import type { ApiModel } from "../model/types.js";
import type { ClientNames } from "./client-file.js";
import { uniqueTypeName } from "./identifiers.js";

/** Errors and result shapes a user handles, re-exported so one import path serves everything. */
const RUNTIME_VALUES = [
  "ClientError",
  "ConfigurationError",
  "PaginationError",
  "TimeoutError",
  "TransportError",
  "UnexpectedResponseError",
  "DEFAULT_TIMEOUT_MS",
];
const RUNTIME_TYPES = ["CallOptions", "Failure", "PageOptions", "RetryOptions", "Success"];

/** generated/<api>/index.ts: the factory, its types, and a named type per component schema. */
export function indexFileStatements(model: ApiModel, names: ClientNames, runtimeImport: string): StatementStructures[] {
  const clientTypes = [names.client, names.options, ...[...names.operations.values()].flatMap((n) => [n.args, n.result, n.item].filter((t) => t !== ""))];
  const taken = new Set<string>([names.factory, ...clientTypes, ...RUNTIME_VALUES, ...RUNTIME_TYPES, "components", "operations", "paths"]);
  const schemaAliases = model.schemaNames.map((schema) => {
    // A schema named like a generated type keeps the generated name; the schema gets a suffix.
    const name = taken.has(schema) || !/^[A-Za-z_$][\w$]*$/.test(schema) ? uniqueTypeName(schema, taken, "Schema") : uniqueTypeName(schema, taken);
    return { name, schema };
  });
  return [
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./client.gen.js", namedExports: [names.factory] },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: "./client.gen.js", namedExports: clientTypes.sort() },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: "./schema.gen.js", namedExports: ["components", "operations", "paths"] },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: runtimeImport, namedExports: RUNTIME_VALUES },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: runtimeImport, namedExports: RUNTIME_TYPES },
    ...(schemaAliases.length > 0
      ? [{ kind: StructureKind.ImportDeclaration as const, isTypeOnly: true, moduleSpecifier: "./schema.gen.js", namedImports: ["components"] }]
      : []),
    ...schemaAliases.map(({ name, schema }) => ({
      kind: StructureKind.TypeAlias as const,
      name,
      isExported: true,
      docs: [`The \`${schema}\` schema of the ${model.title} spec.`],
      type: `components["schemas"][${JSON.stringify(schema)}]`,
    })),
  ];
}
