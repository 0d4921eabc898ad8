import { parseXBatch } from "../extensions/x-batch.js";
import { parseXExactlyOneOf } from "../extensions/x-exactly-one-of.js";
import { parseXIdempotent } from "../extensions/x-idempotent.js";
import { parseXPagination } from "../extensions/x-pagination.js";
import type { Parsed } from "../extensions/problem.js";
import { asRecord, type ModelContext } from "./context.js";
import { camelCase } from "./names.js";
import { transformParameters } from "./parameters.js";
import { normalizeSchema } from "./schemas.js";
import { pickMediaType, transformResponses } from "./responses.js";
import { transformSecurity } from "./security.js";
import type { BodyModel, HttpMethod, OperationModel } from "./types.js";

const IDEMPOTENT_METHODS: readonly HttpMethod[] = ["get", "head", "options", "put", "delete", "trace"];

function unwrap<T>(parsed: Parsed<T>, at: readonly (string | number)[], ctx: ModelContext): T {
  if (parsed.ok) return parsed.value;
  const first = parsed.problems[0]!;
  return ctx.fail([...at, ...first.path], first.message);
}

function transformBody(operation: Record<string, unknown>, at: readonly (string | number)[], ctx: ModelContext): BodyModel | undefined {
  const body = asRecord(ctx.deref(operation.requestBody));
  if (!body) return undefined;
  const content = asRecord(body.content);
  const contentType = pickMediaType(content);
  if (contentType === undefined) ctx.fail([...at, "requestBody", "content"], "a request body needs at least one media type");
  const schema = asRecord(content?.[contentType])?.schema;
  const contentTypes = [contentType, ...Object.keys(content ?? {}).filter((t) => t !== contentType)];
  return { required: body.required === true, contentType, contentTypes, ...(schema === undefined ? {} : { schema: normalizeSchema(schema, ctx) }) };
}

/** The raw (unnormalized) schema of a JSON request body, for extension checks. */
function bodySchema(operation: Record<string, unknown>, body: BodyModel | undefined, ctx: ModelContext): unknown {
  if (body === undefined || !/[/+]json\b/.test(body.contentType)) return undefined;
  return asRecord(asRecord(asRecord(ctx.deref(operation.requestBody))?.content)?.[body.contentType])?.schema;
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
  const success = responses.find((r) => r.ok);
  const successSchema = (() => {
    if (!success?.contentType) return undefined;
    const response = asRecord(ctx.deref(asRecord(ctx.deref(operation.responses))?.[success.status]));
    return asRecord(asRecord(response?.content)?.[success.contentType])?.schema;
  })();
  const declaredIdempotent =
    operation["x-idempotent"] === undefined ? false : unwrap(parseXIdempotent(operation["x-idempotent"]), [...at, "x-idempotent"], ctx);
  const pagination =
    operation["x-pagination"] === undefined
      ? undefined
      : unwrap(parseXPagination(operation["x-pagination"], { parameters, successSchema, deref: ctx.deref }), [...at, "x-pagination"], ctx);
  const batch =
    operation["x-batch"] === undefined
      ? undefined
      : unwrap(
          parseXBatch(operation["x-batch"], { bodySchema: bodySchema(operation, body, ctx), successSchema, deref: ctx.deref }),
          [...at, "x-batch"],
          ctx,
        );
  if (batch && pagination) ctx.fail([...at, "x-batch"], "unsupported: x-batch and x-pagination on one operation");
  const exactlyOneOf =
    operation["x-exactly-one-of"] === undefined
      ? undefined
      : unwrap(parseXExactlyOneOf(operation["x-exactly-one-of"], parameters), [...at, "x-exactly-one-of"], ctx);
  const id = typeof operation.operationId === "string" ? operation.operationId : deriveOperationId(method, path);
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
    idempotent: declaredIdempotent || IDEMPOTENT_METHODS.includes(method),
  };
}
