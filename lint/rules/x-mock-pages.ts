import type { Oas3Rule } from "@redocly/openapi-core";
import { parseXMockPages } from "../../generator/extensions/x-mock-pages.js";
import { parseXPagination } from "../../generator/extensions/x-pagination.js";
import { operationContext } from "./operation-context.js";
import { isWebhook, mockOperationContext } from "./x-mock-context.js";
import { reportProblems } from "./report.js";

const KEY = "x-mock-pages";

/**
 * `x-mock-pages` lists success examples that chain into a walk that ends: the first is the
 * default answer, each cursor leads to the next page, the last has none.
 */
export const xMockPages: Oas3Rule = () => ({
  Operation(node: object, ctx) {
    if (isWebhook(ctx)) return;
    const operation = node as Record<string, unknown>;
    const value = operation[KEY];
    if (value === undefined) return;
    let pagination;
    if (operation["x-pagination"] !== undefined) {
      const parsed = parseXPagination(operation["x-pagination"], operationContext(operation, ctx));
      // A malformed x-pagination is its own rule's to report.
      if (!parsed.ok) return;
      pagination = parsed.value;
    }
    reportProblems(ctx, KEY, parseXMockPages(value, { pagination, examples: mockOperationContext(operation, ctx).successExamples }));
  },
});
