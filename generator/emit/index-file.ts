import { type StatementStructures, StructureKind, VariableDeclarationKind } from "ts-morph";
import type { ApiModel } from "../model/types.js";
import type { ApiNames } from "./names.js";
import { UNKNOWN_ENUM_VALUE } from "./schema-file.js";
import { docText } from "./comment.js";
import { literal } from "./literal.js";
import { RUNTIME_TYPES, RUNTIME_VALUES, WEBHOOK_RUNTIME_TYPES, WEBHOOK_RUNTIME_VALUES } from "./runtime-names.js";

/** generated/<api>/index.ts: the factory, its types, and a named type per component schema. */
export function indexFileStatements(model: ApiModel, apiNames: ApiNames, runtimeImport: string): StatementStructures[] {
  const { client: names, webhooks: hooks, aliases: schemaAliases } = apiNames;
  // Only a spec with webhooks has webhooks.gen.ts and these exports.
  const hookTypes =
    hooks === undefined ? [] : [hooks.verifier, hooks.options, hooks.result, ...hooks.payloads.values()];
  const clientTypes = [
    names.client,
    names.options,
    ...[...names.operations.values()].flatMap((n) => [n.args, n.result, n.item, n.batchId].filter((t) => t !== "")),
  ];
  return [
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./client.gen.js", namedExports: [names.factory] },
    {
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: "./client.gen.js",
      namedExports: clientTypes.sort(),
    },
    {
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: "./schema.gen.js",
      namedExports: ["components", "operations", "paths", UNKNOWN_ENUM_VALUE],
    },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: runtimeImport, namedExports: RUNTIME_VALUES },
    {
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: runtimeImport,
      namedExports: RUNTIME_TYPES,
    },
    ...(hooks === undefined
      ? []
      : [
          {
            kind: StructureKind.ExportDeclaration as const,
            moduleSpecifier: "./webhooks.gen.js",
            namedExports: [hooks.factory],
          },
          {
            kind: StructureKind.ExportDeclaration as const,
            isTypeOnly: true,
            moduleSpecifier: "./webhooks.gen.js",
            namedExports: [...hookTypes].sort(),
          },
          {
            kind: StructureKind.ExportDeclaration as const,
            isTypeOnly: true,
            moduleSpecifier: "./schema.gen.js",
            namedExports: ["webhooks"],
          },
          {
            kind: StructureKind.ExportDeclaration as const,
            moduleSpecifier: runtimeImport,
            namedExports: WEBHOOK_RUNTIME_VALUES,
          },
          {
            kind: StructureKind.ExportDeclaration as const,
            isTypeOnly: true,
            moduleSpecifier: runtimeImport,
            namedExports: WEBHOOK_RUNTIME_TYPES,
          },
        ]),
    ...(schemaAliases.length > 0
      ? [
          {
            kind: StructureKind.ImportDeclaration as const,
            isTypeOnly: true,
            moduleSpecifier: "./schema.gen.js",
            namedImports: ["components", ...(model.enumSchemas.length > 0 ? [UNKNOWN_ENUM_VALUE] : [])],
          },
        ]
      : []),
    ...schemaAliases.flatMap(({ name, schema, enumValues }) => {
      const type = `components["schemas"][${JSON.stringify(schema)}]`;
      if (enumValues === undefined) {
        return [
          {
            kind: StructureKind.TypeAlias as const,
            name,
            isExported: true,
            docs: [docText(`The \`${schema}\` schema of the ${model.title} spec.`)!],
            type,
          },
        ];
      }
      // Enums are open inside response types; the named type lists only the documented values,
      // and a guard narrows a received value to them (equality cannot narrow the open part away).
      const { constant: values, guard } = enumValues;
      return [
        {
          kind: StructureKind.TypeAlias as const,
          name,
          isExported: true,
          docs: [
            docText(
              `The documented values of the \`${schema}\` enum of the ${model.title} spec; responses may also carry an ${UNKNOWN_ENUM_VALUE}.`,
            )!,
          ],
          type: `Exclude<${type}, ${UNKNOWN_ENUM_VALUE}>`,
        },
        {
          kind: StructureKind.VariableStatement as const,
          isExported: true,
          declarationKind: VariableDeclarationKind.Const,
          docs: [docText(`Every documented value of \`${name}\`.`)!],
          declarations: [
            { name: values, initializer: `${literal(enumValues.values)} as const satisfies readonly ${name}[]` },
          ],
        },
        {
          kind: StructureKind.Function as const,
          name: guard,
          isExported: true,
          docs: [
            docText(
              `Whether a received value is one of the documented \`${name}\` values (and not an ${UNKNOWN_ENUM_VALUE}).`,
            )!,
          ],
          parameters: [{ name: "value", type: "unknown" }],
          returnType: `value is ${name}`,
          statements: [`return (${values} as readonly unknown[]).includes(value);`],
        },
      ];
    }),
  ];
}
