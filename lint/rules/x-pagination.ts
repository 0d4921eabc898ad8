import type { Oas3Rule } from "@redocly/openapi-core";
import { parseXPagination } from "../../generator/extensions/x-pagination.js";
import { operationContext } from "./operation-context.js";
import { reportProblems } from "./report.js";

/** `x-pagination` names a declared cursor parameter and pointers that exist in the success schema. */
export const xPagination: Oas3Rule = () => ({
  Operation(node: object, ctx) {
    const operation = node as Record<string, unknown>;
    if (operation["x-pagination"] === undefined) return;
    reportProblems(ctx, "x-pagination", parseXPagination(operation["x-pagination"], operationContext(operation, ctx)));
  },
});
