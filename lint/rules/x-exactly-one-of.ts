import type { Oas3Rule } from "@redocly/openapi-core";
import { parseXExactlyOneOf } from "../../generator/extensions/x-exactly-one-of.js";
import { operationContext } from "./operation-context.js";
import { reportProblems } from "./report.js";

/** `x-exactly-one-of` lists two or more distinct, declared, optional parameters. */
export const xExactlyOneOf: Oas3Rule = () => ({
  Operation(node: object, ctx) {
    const operation = node as Record<string, unknown>;
    const value = operation["x-exactly-one-of"];
    if (value === undefined) return;
    reportProblems(ctx, "x-exactly-one-of", parseXExactlyOneOf(value, operationContext(operation, ctx).parameters));
  },
});
