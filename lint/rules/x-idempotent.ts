import type { Oas3Rule } from "@redocly/openapi-core";
import { parseXIdempotent } from "../../generator/extensions/x-idempotent.js";
import { reportProblems } from "./report.js";

/** `x-idempotent` is a boolean. */
export const xIdempotent: Oas3Rule = () => ({
  Operation(node: object, ctx) {
    const operation = node as Record<string, unknown>;
    if (operation["x-idempotent"] === undefined) return;
    reportProblems(ctx, "x-idempotent", parseXIdempotent(operation["x-idempotent"]));
  },
});
