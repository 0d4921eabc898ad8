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
import { pointerSegments } from "../runtime/pointer.js";
import { docText } from "./comment.js";
import { Code, literal } from "./literal.js";
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

function responseBodyType(op: OperationModel, response: ResponseModel): string {
  if (response.contentType === undefined) return "undefined";
  return `${operationType(op)}["responses"][${statusKey(response.status)}]["content"][${JSON.stringify(response.contentType)}]`;
}

/** Whether a call must pass an argument object at all (a field a client option fills need not be passed). */
export function argsRequired(op: OperationModel): boolean {
  return op.parameters.some((p) => p.required && p.clientOption === undefined) || op.body?.required === true;
}

/** `type` with the fields client options fill made optional. */
function withDefaults(type: string, fields: readonly string[]): string {
  return fields.length === 0 ? type : `WithDefaults<${type}, ${fields.map((f) => JSON.stringify(f)).join(" | ")}>`;
}

/** Whether any argument type of the operation names WithDefaults. */
export function usesDefaults(op: OperationModel): boolean {
  return (op.defaults ?? []).length > 0;
}

function argsInterface(op: OperationModel, names: OperationNames): InterfaceDeclarationStructure {
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
      docs: [docText(`${location} parameters: ${params.map((p) => p.name + (p.required ? "" : "?")).join(", ")}`)!],
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

function resultAlias(op: OperationModel, names: OperationNames): TypeAliasDeclarationStructure {
  const documentedSuccess = op.responses.some((r) => r.ok);
  const members = op.responses.flatMap((r) => {
    const body = responseBodyType(op, r);
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
    type: [...new Set(members)].join(" | "),
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
    validateResponse: new Code(validators.response),
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

function itemAlias(op: OperationModel, names: OperationNames): TypeAliasDeclarationStructure[] {
  const data = `Extract<${names.result}, { ok: true }>["data"]`;
  if (op.pagination) {
    return [
      {
        kind: StructureKind.TypeAlias,
        name: names.item,
        isExported: true,
        docs: [docText(`One item of a \`${names.method}\` page (at \`${op.pagination.items}\`).`)!],
        type: `NonNullable<${indexedType(data, op.pagination.items)}>[number]`,
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
        type: `NonNullable<${indexedType(data, op.batch.results)}>[number]`,
      },
      {
        kind: StructureKind.TypeAlias,
        name: names.batchId,
        isExported: true,
        docs: [
          docText(`One entry of the request list \`${names.method}.batched()\` splits (at \`${op.batch.items}\`).`)!,
        ],
        type: `NonNullable<${indexedType(`${names.args}["body"]`, op.batch.items)}>[number]`,
      },
    ];
  }
  return [];
}

export function operationStructures(op: OperationModel, names: OperationNames, validators: ValidatorNames) {
  return [
    argsInterface(op, names),
    resultAlias(op, names),
    ...itemAlias(op, names),
    specConstant(op, names, validators),
  ];
}

export function operationDocs(op: OperationModel): string[] {
  const text = docText(op.summary, op.description, op.deprecated ? "@deprecated" : undefined);
  return text === undefined ? [] : [text];
}
