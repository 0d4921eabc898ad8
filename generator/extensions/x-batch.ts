import type { LintRule } from "../spec/lint-context.js";
import { isRecord } from "../runtime/records.js";
import type { BatchSpec } from "../runtime/types.js";
import type { OperationView } from "../spec/operation.js";
import { allowsType, schemaAtPointer } from "../spec/schema-pointer.js";
import { lintView, type Parsed, type Problem, reportProblems, unknownKeys } from "./problem.js";

/**
 * `x-batch` on an operation whose request carries a bounded list: the client's `.batched()`
 * splits any number of entries into requests of at most `size` and merges the answers. The
 * parsed value is the runtime's descriptor as is.
 */
export type XBatch = BatchSpec;

export type BatchContext = Pick<OperationView, "bodySchema" | "successSchema" | "deref">;

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
    if (target === undefined)
      problems.push({
        path: [key],
        message: `${pointer} does not exist in the ${where} schema; point at one of its properties`,
      });
    else if (!allowsType(target, "array", context.deref))
      problems.push({ path: [key], message: `${pointer} must point at an array` });
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

/** The lint rule: `x-batch` points at a list in the JSON request body and a list in the success body, with a size. */
export const xBatchRule: LintRule = () => ({
  Operation(node: object, ctx) {
    const value = (node as Record<string, unknown>)["x-batch"];
    if (value !== undefined) reportProblems(ctx, "x-batch", parseXBatch(value, lintView(node, ctx)));
  },
});
