import { isRecord, nonEmptyString, type Parsed, type Problem, unknownKeys } from "./problem.js";
import { allowsType, type Deref, schemaAtPointer } from "./schema-pointer.js";

/**
 * `x-pagination` on a list operation: where the cursor goes in the request, and where the
 * next cursor and the page's items sit in the success response body (JSON pointers).
 */
export interface XPagination {
  readonly cursor: { readonly in: "query" | "header"; readonly name: string };
  readonly nextCursor: string;
  readonly items: string;
}

export interface PaginationContext {
  /** The operation's parameters as `in` + name. */
  readonly parameters: readonly { readonly in: string; readonly name: string; readonly required?: boolean }[];
  /** Schema of the success (2xx) JSON response body, if any. */
  readonly successSchema: unknown;
  readonly deref: Deref;
}

export function parseXPagination(value: unknown, context: PaginationContext): Parsed<XPagination> {
  if (!isRecord(value)) {
    return { ok: false, problems: [{ path: [], message: "x-pagination must be an object: { cursor: { in, name }, nextCursor, items }" }] };
  }
  const problems: Problem[] = [...unknownKeys(value, ["cursor", "nextCursor", "items"])];
  const cursor = value.cursor;
  if (!isRecord(cursor)) {
    problems.push({ path: ["cursor"], message: "x-pagination.cursor must be an object { in: query|header, name }" });
  } else {
    problems.push(...unknownKeys(cursor, ["in", "name"]).map((p) => ({ ...p, path: ["cursor", ...p.path] })));
    if (cursor.in !== "query" && cursor.in !== "header") {
      problems.push({ path: ["cursor", "in"], message: "x-pagination.cursor.in must be query or header" });
    }
    problems.push(...nonEmptyString(cursor.name, ["cursor", "name"], "x-pagination.cursor.name"));
    if (typeof cursor.name === "string" && !context.parameters.some((p) => p.in === cursor.in && p.name === cursor.name)) {
      problems.push({
        path: ["cursor", "name"],
        message: `the operation declares no ${String(cursor.in)} parameter "${cursor.name}"; declare it under parameters`,
      });
    }
  }
  for (const key of ["nextCursor", "items"] as const) {
    const pointer = value[key];
    if (typeof pointer !== "string" || !pointer.startsWith("/")) {
      problems.push({ path: [key], message: `x-pagination.${key} must be a JSON pointer into the success response body, e.g. /result/${key}` });
      continue;
    }
    if (context.successSchema === undefined) {
      problems.push({ path: [key], message: "the operation has no 2xx JSON response for x-pagination to point into" });
      continue;
    }
    const target = schemaAtPointer(context.successSchema, pointer, context.deref);
    if (target === undefined) {
      problems.push({ path: [key], message: `${pointer} does not exist in the success response schema; point at one of its properties` });
    } else if (key === "items" && !allowsType(target, "array", context.deref)) {
      problems.push({ path: [key], message: `${pointer} must point at an array` });
    } else if (key === "nextCursor" && !allowsType(target, "string", context.deref)) {
      problems.push({ path: [key], message: `${pointer} must point at a string (or string|null)` });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: value as unknown as XPagination };
}
