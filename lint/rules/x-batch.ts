import type { Oas3Rule } from "@redocly/openapi-core";
import { parseXBatch } from "../../generator/extensions/x-batch.js";
import { operationContext } from "./operation-context.js";
import { reportProblems } from "./report.js";

/** `x-batch` points at a list in the JSON request body and a list in the success body, with a size. */
export const xBatch: Oas3Rule = () => ({
  Operation(node: object, ctx) {
    const operation = node as Record<string, unknown>;
    if (operation["x-batch"] === undefined) return;
    const { bodySchema, successSchema, deref } = operationContext(operation, ctx);
    reportProblems(ctx, "x-batch", parseXBatch(operation["x-batch"], { bodySchema, successSchema, deref }));
  },
});
