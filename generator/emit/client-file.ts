import {
  type FunctionDeclarationStructure,
  type InterfaceDeclarationStructure,
  type StatementStructures,
  StructureKind,
} from "ts-morph";
import type { ApiModel, OperationModel } from "../model/types.js";
import { docText, jsDoc } from "./comment.js";
import { LINE_WIDTH, literal, propertyKey } from "./literal.js";
import type { ClientNames, OperationNames } from "./names.js";
import { operationDocs } from "./operation-docs.js";
import { importFrom } from "./module-statements.js";
import { genericType, indented, unionType } from "./type-layout.js";
import {
  argsRequired,
  operationStructures,
  type SchemaTypeNames,
  usedSchemaTypes,
  usesDefaults,
} from "./operation-types.js";
import type { ValidatorNames } from "./validators-file.js";

/**
 * The credential options every operation needs (in all its alternatives): only those are
 * required to create the client. Any other is asked for when an operation that needs it is
 * called (ConfigurationError naming it, before anything is sent), so a merchant who only takes
 * payments needs no payout key.
 */
function requiredCredentials(model: ApiModel): string[] {
  return model.credentials
    .map((c) => c.option)
    .filter((option) => model.operations.length > 0 && model.operations.every((op) => needsOption(op, option)));
}

function needsOption(op: OperationModel, option: string): boolean {
  return op.security.length > 0 && op.security.every((alt) => alt.some((a) => a.option === option));
}

/** The client's property for one operation, laid out one argument per line when long. */
function methodEntry(op: OperationModel, n: OperationNames): string {
  const head = `(args?: ${n.args}) =>`;
  const invoke = `invoke<${n.result}>(context, ${n.spec}, args)`;
  const call = `${head} ${invoke}`;
  const wrapper = op.pagination
    ? genericType("withPaging", [n.args, n.result, n.item], 90)
    : op.batch
      ? genericType("withBatching", [n.args, n.result, n.item, n.batchId], 90)
      : undefined;
  if (wrapper === undefined) {
    return `${n.method}: ${call.length + n.method.length + 8 <= LINE_WIDTH ? call : `${head}\n  ${invoke}`},`;
  }
  const oneLine = `${n.method}: ${wrapper}(context, ${n.spec}, ${call}),`;
  return oneLine.length + 4 <= LINE_WIDTH
    ? oneLine
    : `${n.method}: ${wrapper}(\n  context,\n  ${n.spec},\n  ${call},\n),`;
}

/** The callable type of a paged or batched operation: the call plus its helpers. */
function helperType(op: OperationModel, n: OperationNames): string {
  const args = `args${argsRequired(op) ? "" : "?"}: ${n.args}`;
  const helpers = op.pagination
    ? [
        jsDoc("Every page, first to last; stops after a failed page, which is yielded."),
        `pages(${args}, options?: PageOptions): AsyncGenerator<${n.result}, void, undefined>;`,
        jsDoc("Every item of every page; a failed page throws PaginationError."),
        `all(${args}, options?: PageOptions): AsyncGenerator<${n.item}, void, undefined>;`,
      ]
    : [
        jsDoc(
          `Splits \`${op.batch!.items}\` into requests of at most ${op.batch!.size}, runs them with bounded concurrency, merges \`${op.batch!.results}\` in input order; failed requests are listed with their entries.`,
        ),
        `batched(args: ${n.args}, options?: BatchOptions): Promise<${genericType("BatchResult", [n.item, n.batchId, `Extract<${n.result}, { ok: false }>`], 60)}>;`,
      ];
  return `{\n${[`(${args}): Promise<${n.result}>;`, ...helpers].map((line) => `  ${indented(line)}`).join("\n")}\n}`;
}

/** Statements of generated/<api>/client.gen.ts, built as Structures and added in one go. */
export function clientFileStatements(
  model: ApiModel,
  names: ClientNames,
  validators: ReadonlyMap<string, ValidatorNames>,
  runtimeImport: string,
  schemaTypes: SchemaTypeNames,
): (StatementStructures | string)[] {
  const required = requiredCredentials(model);
  // A schema imported by name must not shadow a validator this file imports too.
  const validatorNames = new Set([...validators.values()].map((v) => v.request));
  const typeNames: SchemaTypeNames = new Map([...schemaTypes].filter(([, local]) => !validatorNames.has(local)));
  const ops = model.operations.map((op) => ({ op, names: names.operations.get(op.id)! }));

  const optionsInterface: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name: names.options,
    isExported: true,
    extends: [`BaseClientOptions<${JSON.stringify(model.name)}>`],
    docs: [
      docText(
        `Options of \`${names.factory}\`: the credentials the spec's security schemes name, plus transport settings.`,
      )!,
    ],
    properties: [
      ...model.credentials.map((c) => ({
        name: propertyKey(c.option),
        isReadonly: true,
        hasQuestionToken: !required.includes(c.option),
        type: "string",
        docs: c.description === undefined ? [] : [docText(c.description)!],
      })),
      ...model.clientOptions.map((o) => ({
        name: propertyKey(o.option),
        isReadonly: true,
        hasQuestionToken: true,
        type: o.type,
        docs: [docText(o.description, "Sent with every call that leaves this field out; a call's own value wins.")!],
      })),
    ],
  };

  const clientInterface: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name: names.client,
    isExported: true,
    docs: [docText(`${model.title} client.`, model.description)!],
    methods: ops
      .filter(({ op }) => !op.pagination && !op.batch)
      .map(({ op, names: n }) => ({
        name: n.method,
        parameters: [{ name: "args", type: n.args, hasQuestionToken: !argsRequired(op) }],
        returnType: `Promise<${n.result}>`,
        docs: operationDocs(op, n, model),
      })),
    // Paged and batched operations are callable objects: the call itself plus their helpers.
    properties: ops
      .filter(({ op }) => op.pagination || op.batch)
      .map(({ op, names: n }) => ({
        name: n.method,
        isReadonly: true,
        docs: operationDocs(op, n, model),
        type: helperType(op, n),
      })),
  };

  // The credentials each method needs, as a type: what a hover's "Credentials:" line says, for code.
  const credentialsInterface: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name: names.credentials,
    isExported: true,
    docs: [
      docText(
        `The credential options each method of \`${names.client}\` needs, by method: one tuple per way the spec allows (usually one); \`[]\` for none. A call without them throws ConfigurationError before sending.`,
        ops.length === 0
          ? undefined
          : `The options a \`${ops[0]!.names.method}\` call needs: \`Pick<${names.options}, ${names.credentials}["${ops[0]!.names.method}"][number]>\`.`,
      )!,
    ],
    properties: ops.map(({ op, names: n }) => ({
      name: n.method,
      isReadonly: true,
      type:
        op.security.length === 0
          ? "readonly []"
          : unionType(
              op.security.map(
                (alt) =>
                  `readonly [${[...new Set(alt.map((a) => a.option))].map((o) => JSON.stringify(o)).join(", ")}]`,
              ),
            ),
    })),
  };

  const factory: FunctionDeclarationStructure = {
    kind: StructureKind.Function,
    name: names.factory,
    isExported: true,
    docs: [
      docText(`Creates a ${model.title} client. Credentials are applied and requests signed as the spec declares.`)!,
    ],
    parameters: [{ name: "options", type: names.options }],
    returnType: names.client,
    statements:
      ops.length === 0
        ? [`void options; // the spec has no operations (webhooks only, say)`, "return {};"]
        : [
            `const context = createContext(${literal(
              {
                provider: model.name,
                baseUrl: model.baseUrl,
                credentials: model.credentials.map((c) => c.option),
                required,
                defaults: model.clientOptions.length > 0 ? model.clientOptions.map((o) => o.option) : undefined,
                requestIdHeaders: model.requestIdHeaders.length > 0 ? model.requestIdHeaders : undefined,
              },
              LINE_WIDTH - 40,
            )}, options);`,
            `return {\n${ops.map(({ op, names: n }) => `  ${indented(methodEntry(op, n))}`).join("\n")}\n};`,
          ],
  };

  const paged = model.operations.some((op) => op.pagination);
  const batched = model.operations.some((op) => op.batch);
  const usesFailure = model.operations.some((op) => op.responses.some((r) => !r.ok));
  const usesSuccess = model.operations.some((op) => op.responses.some((r) => r.ok || r.status === "default"));
  const imported = [...new Set(model.operations.flatMap((op) => usedSchemaTypes(op, typeNames)))].sort();
  const schemaImports = [
    // Only operations with parameters, a body or a response body refer to openapi-typescript's types.
    ...(model.operations.some(
      (op) => op.parameters.length > 0 || op.body || op.responses.some((r) => r.contentType !== undefined),
    )
      ? ["paths"]
      : []),
    ...imported.map((local) => {
      const schema = [...typeNames].find(([, name]) => name === local)![0];
      return schema === local ? local : `${schema} as ${local}`;
    }),
  ];
  return [
    ...(schemaImports.length > 0 ? [importFrom(schemaImports, "./schema.gen.js", true)] : []),
    importFrom(
      [
        ...(ops.length > 0 ? ["createContext", "invoke"] : []),
        "type BaseClientOptions",
        ...(ops.length > 0 ? ["type CallOptions"] : []),
        ...(usesFailure ? ["type Failure"] : []),
        ...(ops.length > 0 ? ["type OperationSpec"] : []),
        ...(paged ? ["type PageOptions", "withPaging"] : []),
        ...(batched ? ["type BatchOptions", "type BatchResult", "withBatching"] : []),
        ...(usesSuccess ? ["type Success"] : []),
        ...(model.operations.some(usesDefaults) ? ["type WithDefaults"] : []),
      ],
      runtimeImport,
    ),
    ...(validators.size > 0 ? [importFrom([...validatorNames].sort(), "./validators.gen.js")] : []),
    ...ops.flatMap(({ op, names: n }) => operationStructures(op, n, validators.get(op.id)!, typeNames)),
    optionsInterface,
    credentialsInterface,
    clientInterface,
    factory,
  ];
}
