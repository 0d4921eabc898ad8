import type { Oas3Rule } from "@redocly/openapi-core";
import { parseXRequestId } from "../../generator/extensions/x-request-id.js";
import { reportProblems } from "./report.js";

/** `x-request-id` is `true`, on a response header. */
export const xRequestId: Oas3Rule = () => ({
  Header(node: object, ctx) {
    const value = (node as Record<string, unknown>)["x-request-id"];
    if (value !== undefined) reportProblems(ctx, "x-request-id", parseXRequestId(value));
  },
});
