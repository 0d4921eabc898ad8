import { type StatementStructures, StructureKind, VariableDeclarationKind } from "ts-morph";
import type { ApiModel } from "../model/types.js";
import type { ApiNames, EnumNames, SchemaAlias } from "./names.js";
import { OPEN_ENUM, UNKNOWN_ENUM_VALUE } from "./schema-file.js";
import { docText } from "./comment.js";
import { exportFrom, importFrom } from "./module-statements.js";
import { LINE_WIDTH, literal } from "./literal.js";
import { RUNTIME_TYPES, RUNTIME_VALUES, WEBHOOK_RUNTIME_TYPES, WEBHOOK_RUNTIME_VALUES } from "./runtime-names.js";

/** A component schema's own description, for the named type's doc. */
function schemaDescription(model: ApiModel, schema: string): string | undefined {
  const raw = model.componentSchemas[schema];
  const description =
    typeof raw === "object" && raw !== null ? (raw as { description?: unknown }).description : undefined;
  return typeof description === "string" && description.trim() !== "" ? description.trim() : undefined;
}

/** generated/<api>/index.ts: the factory, its types, and a named type per component schema. */
export function indexFileStatements(
  model: ApiModel,
  apiNames: ApiNames,
  namedSchemas: ReadonlySet<string>,
  runtimeImport: string,
  webhookRuntimeImport: string,
): (StatementStructures | string)[] {
  const { client: names, webhooks: hooks, aliases: schemaAliases } = apiNames;
  // Only a spec with webhooks has webhooks.gen.ts and these exports.
  const hookTypes =
    hooks === undefined ? [] : [hooks.verifier, hooks.options, hooks.result, ...hooks.payloads.values()];
  const clientTypes = [
    names.client,
    names.options,
    names.credentials,
    ...[...names.operations.values()].flatMap((n) => [n.args, n.result, n.item, n.batchId].filter((t) => t !== "")),
  ];
  // schema.gen.ts declares most schemas by name; the rest are declared here from `components`.
  const hoisted = schemaAliases.filter((a) => namedSchemas.has(a.schema));
  const declared = schemaAliases.filter((a) => !hoisted.includes(a));
  const importName = (a: SchemaAlias) => (a.name === a.schema ? a.name : `${a.schema} as ${a.name}`);
  const localTypes = [
    ...(declared.length > 0 ? ["components"] : []),
    ...(declared.some((a) => a.enumValues !== undefined) ? [UNKNOWN_ENUM_VALUE] : []),
    // An enum's values and guard are declared here, against its named type.
    ...hoisted.filter((a) => a.enumValues !== undefined).map(importName),
  ];
  return [
    exportFrom([names.factory], "./client.gen.js"),
    exportFrom(clientTypes.sort(), "./client.gen.js", true),
    exportFrom(["components", "operations", "paths", UNKNOWN_ENUM_VALUE, OPEN_ENUM], "./schema.gen.js", true),
    exportFrom(RUNTIME_VALUES, runtimeImport),
    exportFrom(RUNTIME_TYPES, runtimeImport, true),
    ...(hooks === undefined
      ? []
      : [
          exportFrom([hooks.factory], "./webhooks.gen.js"),
          exportFrom([...hookTypes].sort(), "./webhooks.gen.js", true),
          exportFrom(["webhooks"], "./schema.gen.js", true),
          exportFrom(WEBHOOK_RUNTIME_VALUES, webhookRuntimeImport),
          exportFrom(WEBHOOK_RUNTIME_TYPES, webhookRuntimeImport, true),
        ]),
    // Schemas schema.gen.ts declares by name are re-exported, so an import and a hover name one type.
    ...(hoisted.length > 0 ? [exportFrom(hoisted.map(importName), "./schema.gen.js", true)] : []),
    ...(localTypes.length > 0 ? [importFrom(localTypes, "./schema.gen.js", true)] : []),
    ...schemaAliases.flatMap((alias) => {
      const { name, schema, enumValues } = alias;
      const type = `components["schemas"][${JSON.stringify(schema)}]`;
      const description = schemaDescription(model, schema);
      if (hoisted.includes(alias)) return enumValues === undefined ? [] : enumHelpers(name, enumValues);
      if (enumValues === undefined) {
        return [
          {
            kind: StructureKind.TypeAlias as const,
            name,
            isExported: true,
            docs: [docText(description ?? `The \`${schema}\` schema of the ${model.title} spec.`)!],
            type,
          },
        ];
      }
      // Enums are open inside response types; the named type lists only the documented values,
      // and a guard narrows a received value to them (equality cannot narrow the open part away).
      return [
        {
          kind: StructureKind.TypeAlias as const,
          name,
          isExported: true,
          docs: [
            docText(
              `${description === undefined ? "" : `${description}\n\n`}The documented values of \`${schema}\`; a response may also carry an ${UNKNOWN_ENUM_VALUE}.`,
            )!,
          ],
          type: `Exclude<${type}, ${UNKNOWN_ENUM_VALUE}>`,
        },
        ...enumHelpers(name, enumValues),
      ];
    }),
  ];
}

/** An enum's list of documented values and its guard. */
function enumHelpers(name: string, { constant: values, guard, values: members }: EnumNames): StatementStructures[] {
  return [
    {
      kind: StructureKind.VariableStatement as const,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [docText(`Every documented value of \`${name}\`.`)!],
      declarations: [
        {
          name: values,
          // The room left beside `export const <values> = ` and `as const satisfies…`.
          initializer: `${literal(members, LINE_WIDTH - 50 - values.length - name.length)} as const satisfies readonly ${name}[]`,
        },
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
}
