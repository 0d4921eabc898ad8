import { isRecord, type Parsed, type Problem, unknownKeys } from "./problem.js";
import { allowsType, type Deref, schemaAtPointer } from "./schema-pointer.js";

/**
 * `x-batch` on an operation whose request carries a bounded list: the client's `.batched()`
 * splits any number of entries into requests of at most `size` and merges the answers.
 */
export interface XBatch {
  /** JSON pointer of the list in the request body. */
  readonly items: string;
  /** JSON pointer of the list to merge in the success body. */
  readonly results: string;
  /** Entries per request: `size`, else the list's maxItems. */
  readonly size: number;
}

export interface BatchContext {
  readonly bodySchema: unknown;
  readonly successSchema: unknown;
  readonly deref: Deref;
}

export function parseXBatch(value: unknown, context: BatchContext): Parsed<XBatch> {
  if (!isRecord(value)) {
    return { ok: false, problems: [{ path: [], message: "x-batch must be an object: { items, results, size? }" }] };
  }
  const problems: Problem[] = [...unknownKeys(value, ["items", "results", "size"])];
  let maxItems: number | undefined;
  let itemsFound = false;
  const check = (key: "items" | "results", schema: unknown, where: string) => {
    const pointer = value[key];
    if (typeof pointer !== "string" || !pointer.startsWith("/")) {
      problems.push({ path: [key], message: `x-batch.${key} must be a JSON pointer into the ${where}, e.g. /ids` });
      return;
    }
    if (schema === undefined) {
      problems.push({ path: [key], message: `the operation has no ${where} schema for x-batch.${key} to point into` });
      return;
    }
    const target = schemaAtPointer(schema, pointer, context.deref);
    if (target === undefined) problems.push({ path: [key], message: `${pointer} does not exist in the ${where} schema; point at one of its properties` });
    else if (!allowsType(target, "array", context.deref)) problems.push({ path: [key], message: `${pointer} must point at an array` });
    else if (key === "items") {
      itemsFound = true;
      if (typeof target.maxItems === "number") maxItems = target.maxItems;
    }
  };
  check("items", context.bodySchema, "JSON request body");
  check("results", context.successSchema, "success response");
  const size = value.size ?? maxItems;
  // Without a resolved list there is no maxItems to miss: report the list, not the size.
  if ((itemsFound || value.size !== undefined) && !(typeof size === "number" && Number.isInteger(size) && size > 0)) {
    problems.push({
      path: value.size === undefined ? [] : ["size"],
      message: "x-batch needs a positive integer size, or maxItems on the request list",
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { items: value.items as string, results: value.results as string, size: size as number } };
}
