import {
  type InterfaceDeclarationStructure,
  type OptionalKind,
  type PropertySignatureStructure,
  StructureKind,
  type TypeAliasDeclarationStructure,
  type VariableStatementStructure,
  VariableDeclarationKind,
} from "ts-morph";
import type { OperationModel, ParameterModel, ResponseModel } from "../model/types.js";
import { pointerSegments, unescapeSegment } from "../runtime/pointer.js";
import { docText } from "./comment.js";
import { firstSentence } from "./operation-docs.js";
import { Code, LINE_WIDTH, literal } from "./literal.js";
import { genericType, unionType } from "./type-layout.js";
import type { OperationNames } from "./names.js";
import type { ValidatorNames } from "./validators-file.js";

const LOCATION_KEYS: Record<ParameterModel["in"], string> = {
  path: "path",
  query: "query",
  header: "headers",
  cookie: "cookie",
};

function statusType(status: string): string {
  return /^\d{3}$/.test(status) ? status : "number";
}

function statusKey(status: string): string {
  return /^\d{3}$/.test(status) ? status : JSON.stringify(status);
}

/**
 * The operation's type in openapi-typescript's `paths` (not `operations`, which lists only
 * operations with an operationId).
 */
function operationType(op: OperationModel): string {
  return `paths[${JSON.stringify(op.path)}][${JSON.stringify(op.method)}]`;
}

/** Component schema → the name client.gen.ts imports it by (schemas schema.gen.ts declares by name). */
export type SchemaTypeNames = ReadonlyMap<string, string>;

/** The imported name of a schema that is only a `$ref` to a named component schema. */
export function namedSchemaType(schema: unknown, typeNames: SchemaTypeNames): string | undefined {
  if (typeof schema !== "object" || schema === null || Object.keys(schema).length !== 1) return undefined;
  const ref = (schema as { $ref?: unknown }).$ref;
  const prefix = "#/components/schemas/";
  if (typeof ref !== "string" || !ref.startsWith(prefix)) return undefined;
  return typeNames.get(unescapeSegment(decodeURIComponent(ref.slice(prefix.length))));
}

/** The schema names an operation's types use (to import them). */
export function usedSchemaTypes(op: OperationModel, typeNames: SchemaTypeNames): string[] {
  const bodies = op.body?.contentTypes.length === 1 ? [op.body.schema] : [];
  return [...bodies, ...op.responses.filter((r) => r.contentType !== undefined).map((r) => r.schema)].flatMap(
    (schema) => namedSchemaType(schema, typeNames) ?? [],
  );
}

function responseBodyType(op: OperationModel, response: ResponseModel, typeNames: SchemaTypeNames): string {
  if (response.contentType === undefined) return "undefined";
  return (
    namedSchemaType(response.schema, typeNames) ??
    `${operationType(op)}["responses"][${statusKey(response.status)}]["content"][${JSON.stringify(response.contentType)}]`
  );
}

/** Whether a call must pass an argument object at all (a field a client option fills need not be passed). */
export function argsRequired(op: OperationModel): boolean {
  return op.parameters.some((p) => p.required && p.clientOption === undefined) || op.body?.required === true;
}

/** `type` with the fields client options fill made optional. */
function withDefaults(type: string, fields: readonly string[]): string {
  return fields.length === 0
    ? type
    : genericType("WithDefaults", [type, fields.map((f) => JSON.stringify(f)).join(" | ")], 90);
}

/** Whether any argument type of the operation names WithDefaults. */
export function usesDefaults(op: OperationModel): boolean {
  return (op.defaults ?? []).length > 0;
}

const LOCATION_WORDS: Record<ParameterModel["in"], string> = {
  path: "Path",
  query: "Query",
  header: "Header",
  cookie: "Cookie",
};

/** The doc of `query`, `path`…: each parameter with what it does (its own hover has the whole description). */
function parameterDocs(location: ParameterModel["in"], params: readonly ParameterModel[]): string {
  const lines = params.map((p) => {
    const flags = [p.required && p.clientOption === undefined ? "required" : "optional"];
    if (p.clientOption !== undefined) flags.push(`default: the \`${p.clientOption}\` client option`);
    const what = p.description === undefined ? "" : ` ${firstSentence(p.description)}`;
    return `- \`${p.name}\` (${flags.join("; ")}):${what}`;
  });
  return docText(`${LOCATION_WORDS[location]} parameters:\n${lines.join("\n")}`)!;
}

function argsInterface(
  op: OperationModel,
  names: OperationNames,
  typeNames: SchemaTypeNames,
): InterfaceDeclarationStructure {
  const ref = operationType(op);
  const properties: OptionalKind<PropertySignatureStructure>[] = [];
  for (const location of ["path", "query", "header", "cookie"] as const) {
    const params = op.parameters.filter((p) => p.in === location);
    if (params.length === 0) continue;
    const defaulted = params.filter((p) => p.clientOption !== undefined).map((p) => p.name);
    const base = withDefaults(`NonNullable<${ref}["parameters"][${JSON.stringify(location)}]>`, defaulted);
    properties.push({
      name: LOCATION_KEYS[location],
      isReadonly: true,
      hasQuestionToken: !params.some((p) => p.required && p.clientOption === undefined),
      type: location === "header" ? `${base} & Readonly<Record<string, string>>` : base,
      docs: [parameterDocs(location, params)],
    });
  }
  if (!op.parameters.some((p) => p.in === "header")) {
    properties.push({
      name: "headers",
      isReadonly: true,
      hasQuestionToken: true,
      type: "Readonly<Record<string, string>>",
      docs: ["Extra request headers."],
    });
  }
  if (op.body) {
    const types = op.body.contentTypes;
    properties.push({
      name: "body",
      isReadonly: true,
      hasQuestionToken: !op.body.required,
      type: types
        .map((t) =>
          withDefaults(
            (types.length === 1 ? namedSchemaType(op.body?.schema, typeNames) : undefined) ??
              `NonNullable<${ref}["requestBody"]>["content"][${JSON.stringify(t)}]`,
            Object.keys(op.body?.clientOptions ?? {}),
          ),
        )
        .join(" | "),
      docs: [
        docText(
          `Request body, sent as ${types[0]}${types.length > 1 ? ` unless \`contentType\` picks another` : ""}.`,
        )!,
      ],
    });
    if (types.length > 1) {
      properties.push({
        name: "contentType",
        isReadonly: true,
        hasQuestionToken: true,
        type: types.map((t) => JSON.stringify(t)).join(" | "),
        docs: [docText(`Media type to send the body as (default ${types[0]}).`)!],
      });
    }
  }
  // signal, timeoutMs and retry come from CallOptions.
  return {
    kind: StructureKind.Interface,
    name: names.args,
    isExported: true,
    extends: ["CallOptions"],
    docs: [docText(`Arguments of \`${names.method}\`.`)!],
    properties,
  };
}

function resultAlias(
  op: OperationModel,
  names: OperationNames,
  typeNames: SchemaTypeNames,
): TypeAliasDeclarationStructure {
  const documentedSuccess = op.responses.some((r) => r.ok);
  const members = op.responses.flatMap((r) => {
    const body = responseBodyType(op, r, typeNames);
    const status = statusType(r.status);
    // A lone `default` describes successes too.
    const asSuccess = r.ok || (r.status === "default" && !documentedSuccess);
    const asFailure = !r.ok;
    return [
      ...(asSuccess ? [`Success<${status}, ${body}>`] : []),
      ...(asFailure ? [`Failure<${status}, ${body}>`] : []),
    ];
  });
  return {
    kind: StructureKind.TypeAlias,
    name: names.result,
    isExported: true,
    docs: [docText(`Every documented answer of \`${names.method}\`, discriminated by \`ok\` and \`status\`.`)!],
    type: unionType([...new Set(members)]),
  };
}

/**
 * The path template with openapi-fetch's style markers: `{.id}` label, `{;id}` matrix, `{id*}`
 * exploded, so its path serializer applies each parameter's OpenAPI style.
 */
function styledPath(op: OperationModel): string {
  return op.path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const p = op.parameters.find((q) => q.in === "path" && q.name === name);
    if (!p) return whole;
    const mark = p.style === "label" ? "." : p.style === "matrix" ? ";" : "";
    return `{${mark}${name}${p.explode === true ? "*" : ""}}`;
  });
}

function specConstant(
  op: OperationModel,
  names: OperationNames,
  validators: ValidatorNames,
): VariableStatementStructure {
  // The runtime matches "4XX" in upper case; the types keep the spec's own key.
  const responses = Object.fromEntries(
    op.responses.map((r) => [r.status === "default" ? r.status : r.status.toUpperCase(), r.contentType ?? null]),
  );
  const styles = Object.fromEntries(
    op.parameters
      .filter((p) => p.in !== "path" && (p.style !== undefined || p.explode !== undefined))
      .map((p) => [
        `${p.in}:${p.name}`,
        {
          style: p.style ?? (p.in === "query" || p.in === "cookie" ? "form" : "simple"),
          explode: p.explode ?? (p.style === undefined || p.style === "form"),
        },
      ]),
  );
  const spec = {
    id: op.id,
    method: op.method.toUpperCase(),
    path: styledPath(op),
    body: op.body?.contentType,
    bodyTypes: op.body && op.body.contentTypes.length > 1 ? op.body.contentTypes : undefined,
    styles: Object.keys(styles).length > 0 ? styles : undefined,
    auth: op.security.map((alternative) =>
      alternative.map((a) =>
        a.kind === "signature"
          ? { kind: a.kind, name: a.name, algorithm: a.algorithm, option: a.option }
          : { kind: a.kind, in: a.in, name: a.name, option: a.option, prefix: a.prefix, encoding: a.encoding },
      ),
    ),
    responses,
    idempotent: op.idempotent,
    pagination: op.pagination,
    batch: op.batch,
    exactlyOneOf: op.exactlyOneOf,
    defaults: op.defaults,
    validateRequest: new Code(validators.request),
  };
  return {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: names.spec, type: "OperationSpec", initializer: literal(spec) }],
  };
}

/** `A["x"]["y"]`, tolerating optional and nullable steps. */
export function indexedType(base: string, pointer: string): string {
  return pointerSegments(pointer).reduce((type, key) => `NonNullable<${type}>[${JSON.stringify(key)}]`, base);
}

/** The element type of the list at `pointer` in `base`, as the type of the alias `name`. */
function itemType(name: string, base: string, pointer: string): string {
  const list = indexedType(base, pointer);
  const oneLine = `NonNullable<${list}>[number]`;
  return `export type ${name} = ${oneLine};`.length <= LINE_WIDTH ? oneLine : `NonNullable<\n  ${list}\n>[number]`;
}

function itemAlias(op: OperationModel, names: OperationNames): TypeAliasDeclarationStructure[] {
  const data = `Extract<${names.result}, { ok: true }>["data"]`;
  if (op.pagination) {
    return [
      {
        kind: StructureKind.TypeAlias,
        name: names.item,
        isExported: true,
        docs: [docText(`One item of a \`${names.method}\` page (at \`${op.pagination.items}\`).`)!],
        type: itemType(names.item, data, op.pagination.items),
      },
    ];
  }
  if (op.batch) {
    return [
      {
        kind: StructureKind.TypeAlias,
        name: names.item,
        isExported: true,
        docs: [docText(`One entry of the lists \`${names.method}.batched()\` merges (at \`${op.batch.results}\`).`)!],
        type: itemType(names.item, data, op.batch.results),
      },
      {
        kind: StructureKind.TypeAlias,
        name: names.batchId,
        isExported: true,
        docs: [
          docText(`One entry of the request list \`${names.method}.batched()\` splits (at \`${op.batch.items}\`).`)!,
        ],
        type: itemType(names.batchId, `${names.args}["body"]`, op.batch.items),
      },
    ];
  }
  return [];
}

export function operationStructures(
  op: OperationModel,
  names: OperationNames,
  validators: ValidatorNames,
  typeNames: SchemaTypeNames,
) {
  return [
    argsInterface(op, names, typeNames),
    resultAlias(op, names, typeNames),
    ...itemAlias(op, names),
    specConstant(op, names, validators),
  ];
}
