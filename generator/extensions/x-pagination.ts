import type { LintRule } from "../spec/lint-context.js";
import { isRecord } from "../runtime/records.js";
import type { PaginationSpec } from "../runtime/types.js";
import type { OperationView } from "../spec/operation.js";
import { allowsType, propertySchema, schemaAtPointer } from "../spec/schema-pointer.js";
import { lintView, nonEmptyString, type Parsed, type Problem, reportProblems, under, unknownKeys } from "./problem.js";

/**
 * `x-pagination` on a list operation, in one of two forms:
 * - cursor: where the cursor goes in the request, and where the next cursor and the page's
 *   items sit in the success body (JSON pointers);
 * - offset: where the index of the first record and the page size (or the index of the last
 *   record, `meaning: end`) go in the request, and where the items sit in the success body.
 * The parsed value is the runtime's descriptor as is.
 */
export type XPagination = PaginationSpec;

/** What the parser checks against: the operation's parameters, success schema (the lowest 2xx JSON answer: a 3xx has no page to read) and JSON body schema. */
export type PaginationContext = Pick<OperationView, "parameters" | "successSchema" | "bodySchema" | "deref">;

const CURSOR_SHAPE = "{ cursor: { in: query|header, name }, nextCursor, items }";
const OFFSET_SHAPE =
  "{ offset: { in: query|header|body, name }, limit: { in: query|header|body, name, meaning?: count|end }, items }";

type Location = { readonly in: string; readonly name: string };

/** A request field `{ in, name }`: a declared parameter, or (where allowed) a top-level property of the JSON body. */
function fieldProblems(
  value: unknown,
  key: string,
  places: readonly string[],
  context: PaginationContext,
  extra: readonly string[] = [],
): Problem[] {
  if (!isRecord(value))
    return [{ path: [key], message: `x-pagination.${key} must be an object { in: ${places.join("|")}, name }` }];
  const problems: Problem[] = [
    ...under([key], unknownKeys(value, ["in", "name", ...extra])),
    ...nonEmptyString(value.name, [key, "name"], `x-pagination.${key}.name`),
  ];
  if (typeof value.in !== "string" || !places.includes(value.in)) {
    problems.push({ path: [key, "in"], message: `x-pagination.${key}.in must be ${places.join(" or ")}` });
    return problems;
  }
  if (typeof value.name !== "string") return problems;
  if (value.in === "body") {
    if (context.bodySchema === undefined) {
      problems.push({
        path: [key, "in"],
        message: `the operation has no JSON request body for x-pagination.${key} to go in`,
      });
    } else if (propertySchema(context.bodySchema, value.name, context.deref) === undefined) {
      problems.push({
        path: [key, "name"],
        message: `the JSON request body declares no property "${value.name}"; declare it in the body schema`,
      });
    }
  } else if (!context.parameters.some((p) => p.in === value.in && p.name === value.name)) {
    problems.push({
      path: [key, "name"],
      message: `the operation declares no ${value.in} parameter "${value.name}"; declare it under parameters`,
    });
  }
  return problems;
}

/** The schema of a request field, to read the limit's default. */
function fieldSchema(field: Location, context: PaginationContext): Record<string, unknown> | undefined {
  const schema =
    field.in === "body"
      ? propertySchema(context.bodySchema, field.name, context.deref)
      : context.deref(context.parameters.find((p) => p.in === field.in && p.name === field.name)?.schema);
  return isRecord(schema) ? schema : undefined;
}

function pointerProblems(
  value: Record<string, unknown>,
  key: string,
  type: "array" | "string",
  context: PaginationContext,
): Problem[] {
  const pointer = value[key];
  if (typeof pointer !== "string" || !pointer.startsWith("/")) {
    return [
      {
        path: [key],
        message: `x-pagination.${key} must be a JSON pointer into the success response body, e.g. /result/${key}`,
      },
    ];
  }
  if (context.successSchema === undefined)
    return [{ path: [key], message: "the operation has no 2xx JSON response for x-pagination to point into" }];
  const target = schemaAtPointer(context.successSchema, pointer, context.deref);
  if (target === undefined)
    return [
      {
        path: [key],
        message: `${pointer} does not exist in the success response schema; point at one of its properties`,
      },
    ];
  if (!allowsType(target, type, context.deref)) {
    return [
      {
        path: [key],
        message: `${pointer} must point at ${type === "array" ? "an array" : "a string (or string|null)"}`,
      },
    ];
  }
  return [];
}

function parseCursor(value: Record<string, unknown>, context: PaginationContext): Parsed<XPagination> {
  const problems: Problem[] = [
    ...unknownKeys(value, ["cursor", "nextCursor", "items"]),
    ...fieldProblems(value.cursor, "cursor", ["query", "header"], context),
    ...pointerProblems(value, "nextCursor", "string", context),
    ...pointerProblems(value, "items", "array", context),
  ];
  if (problems.length > 0) return { ok: false, problems };
  const cursor = value.cursor as { in: "query" | "header"; name: string };
  return {
    ok: true,
    value: {
      cursor: { in: cursor.in, name: cursor.name },
      nextCursor: value.nextCursor as string,
      items: value.items as string,
    },
  };
}

function parseOffset(value: Record<string, unknown>, context: PaginationContext): Parsed<XPagination> {
  const places = ["query", "header", "body"];
  const problems: Problem[] = [
    ...unknownKeys(value, ["offset", "limit", "items"]),
    ...fieldProblems(value.offset, "offset", places, context),
    ...fieldProblems(value.limit, "limit", places, context, ["meaning"]),
    ...pointerProblems(value, "items", "array", context),
  ];
  const limit = isRecord(value.limit) ? value.limit : {};
  if (limit.meaning !== undefined && limit.meaning !== "count" && limit.meaning !== "end") {
    problems.push({
      path: ["limit", "meaning"],
      message: "x-pagination.limit.meaning must be count (the page size) or end (the index of the last record)",
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const offset = value.offset as Location;
  const limitField = { in: limit.in as string, name: limit.name as string };
  const pageSize = fieldSchema(limitField, context)?.default;
  if (typeof pageSize !== "number" || !Number.isInteger(pageSize) || pageSize <= 0) {
    return {
      ok: false,
      problems: [
        {
          path: ["limit"],
          message: `give the ${limitField.in} field "${limitField.name}" a positive integer default: the page size paging uses when a call sets none`,
        },
      ],
    };
  }
  return {
    ok: true,
    value: {
      offset: { in: offset.in as "query" | "header" | "body", name: offset.name },
      limit: {
        in: limitField.in as "query" | "header" | "body",
        name: limitField.name,
        meaning: limit.meaning === "end" ? "end" : "count",
      },
      pageSize,
      items: value.items as string,
    },
  };
}

export function parseXPagination(value: unknown, context: PaginationContext): Parsed<XPagination> {
  if (!isRecord(value)) {
    return {
      ok: false,
      problems: [{ path: [], message: `x-pagination must be an object: ${CURSOR_SHAPE} or ${OFFSET_SHAPE}` }],
    };
  }
  if ("offset" in value || "limit" in value) return parseOffset(value, context);
  if (!("cursor" in value)) {
    return {
      ok: false,
      problems: [{ path: [], message: `x-pagination needs a cursor or an offset: ${CURSOR_SHAPE} or ${OFFSET_SHAPE}` }],
    };
  }
  return parseCursor(value, context);
}

/** The lint rule: `x-pagination` names declared request fields and pointers that exist in the success schema. */
export const xPaginationRule: LintRule = () => ({
  Operation(node: object, ctx) {
    const value = (node as Record<string, unknown>)["x-pagination"];
    if (value !== undefined) reportProblems(ctx, "x-pagination", parseXPagination(value, lintView(node, ctx)));
  },
});
