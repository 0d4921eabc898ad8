import { parseXBatch } from "../extensions/x-batch.js";
import { parseXClientOption } from "../extensions/x-client-option.js";
import { parseXExactlyOneOf } from "../extensions/x-exactly-one-of.js";
import { parseXIdempotent } from "../extensions/x-idempotent.js";
import { parseXPagination } from "../extensions/x-pagination.js";
import { isJsonMediaType } from "../runtime/media-types.js";
import { asRecord } from "../runtime/records.js";
import { mediaExamples, pickMediaType } from "../spec/media.js";
import type { HttpMethod } from "../spec/methods.js";
import { viewOperation } from "../spec/operation.js";
import { schemaProperties } from "../spec/schema-pointer.js";
import { type ModelContext, unwrap } from "./context.js";
import { camelCase } from "../spec/names.js";
import { checkPointerName } from "./refs.js";
import { transformParameters } from "./parameters.js";
import { normalizeSchema } from "./schemas.js";
import { transformResponses } from "./responses.js";
import { transformSecurity } from "./security.js";
import type { BodyModel, OperationModel } from "./types.js";

const IDEMPOTENT_METHODS: readonly HttpMethod[] = ["get", "head", "options", "put", "delete", "trace"];

function transformBody(
  operation: Record<string, unknown>,
  at: readonly (string | number)[],
  ctx: ModelContext,
): BodyModel | undefined {
  const body = asRecord(ctx.deref(operation.requestBody));
  if (!body) return undefined;
  const content = asRecord(body.content);
  const contentType = pickMediaType(content);
  if (contentType === undefined)
    ctx.fail([...at, "requestBody", "content"], "a request body needs at least one media type");
  const media = asRecord(content?.[contentType]);
  const schema = media?.schema;
  const [example] = Object.values(mediaExamples(media, ctx.deref));
  const contentTypes = [contentType, ...Object.keys(content ?? {}).filter((t) => t !== contentType)];
  // Client options can fill top-level fields of a JSON body only: other encodings have no fields to name.
  const properties = isJsonMediaType(contentType) ? schemaProperties(schema, ctx.deref) : {};
  const clientOptions = Object.fromEntries(
    Object.entries(properties).flatMap(([name, property]) => {
      const value = asRecord(property)?.["x-client-option"];
      const where = [...at, "requestBody", "content", contentType, "schema", "properties", name, "x-client-option"];
      return value === undefined ? [] : [[name, unwrap(parseXClientOption(value), where, ctx)]];
    }),
  );
  return {
    required: body.required === true,
    contentType,
    contentTypes,
    ...(schema === undefined ? {} : { schema: normalizeSchema(schema, ctx) }),
    ...(typeof body.description === "string" ? { description: body.description } : {}),
    ...(example === undefined ? {} : { example }),
    ...(Object.keys(clientOptions).length > 0 ? { clientOptions } : {}),
  };
}

/** Stable name for an operation without operationId: method + path words ("getPetsById"). */
export function deriveOperationId(method: HttpMethod, path: string): string {
  return camelCase(`${method} ${path.replace(/\{([^}]*)\}/g, " by $1 ")}`);
}

export function transformOperation(
  path: string,
  method: HttpMethod,
  pathItem: Record<string, unknown>,
  operation: Record<string, unknown>,
  ctx: ModelContext,
): OperationModel {
  const at = ["paths", path, method];
  const parameters = transformParameters(pathItem, operation, at, ctx);
  const responses = transformResponses(operation, at, ctx);
  const body = transformBody(operation, at, ctx);
  // What the extensions are checked against, read as the lint rules read it.
  const view = viewOperation(pathItem, operation, method, ctx.deref);
  const declaredIdempotent =
    operation["x-idempotent"] === undefined
      ? false
      : unwrap(parseXIdempotent(operation["x-idempotent"]), [...at, "x-idempotent"], ctx);
  const pagination =
    operation["x-pagination"] === undefined
      ? undefined
      : unwrap(parseXPagination(operation["x-pagination"], view), [...at, "x-pagination"], ctx);
  const batch =
    operation["x-batch"] === undefined
      ? undefined
      : unwrap(parseXBatch(operation["x-batch"], view), [...at, "x-batch"], ctx);
  if (batch && pagination) ctx.fail([...at, "x-batch"], "unsupported: x-batch and x-pagination on one operation");
  const exactlyOneOf =
    operation["x-exactly-one-of"] === undefined
      ? undefined
      : unwrap(parseXExactlyOneOf(operation["x-exactly-one-of"], view.parameters), [...at, "x-exactly-one-of"], ctx);
  if (typeof operation.operationId === "string")
    checkPointerName(operation.operationId, [...at, "operationId"], "operationId", ctx);
  const id = typeof operation.operationId === "string" ? operation.operationId : deriveOperationId(method, path);
  const defaults = [
    ...parameters.flatMap((p) =>
      p.clientOption === undefined ? [] : [{ in: p.in, name: p.name, option: p.clientOption }],
    ),
    ...Object.entries(body?.clientOptions ?? {}).map(([name, option]) => ({ in: "body" as const, name, option })),
  ];
  return {
    id,
    method,
    path,
    pointer: `#/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}/${method}`,
    ...(typeof operation.summary === "string" ? { summary: operation.summary } : {}),
    ...(typeof operation.description === "string" ? { description: operation.description } : {}),
    deprecated: operation.deprecated === true,
    parameters,
    ...(body ? { body } : {}),
    responses,
    security: transformSecurity(operation, at, ctx),
    ...(pagination ? { pagination } : {}),
    ...(batch ? { batch } : {}),
    ...(exactlyOneOf ? { exactlyOneOf } : {}),
    ...(defaults.length > 0 ? { defaults } : {}),
    idempotent: declaredIdempotent || IDEMPOTENT_METHODS.includes(method),
  };
}
