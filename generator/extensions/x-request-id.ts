import type { LintRule } from "../spec/lint-context.js";
import { type Parsed, reportProblems } from "./problem.js";

/**
 * `x-request-id: true` on a response header (a Header object): that header carries the
 * provider's id of the answer, which results and errors then carry as `requestId`. Without any,
 * the client looks for the common ones (x-request-id, request-id, x-correlation-id, cf-ray).
 */
export function parseXRequestId(value: unknown): Parsed<true> {
  return value === true
    ? { ok: true, value }
    : {
        ok: false,
        problems: [
          { path: [], message: "x-request-id must be true (it marks the header that carries the answer's id)" },
        ],
      };
}

/** The lint rule: `x-request-id` is `true`, on a response header. */
export const xRequestIdRule: LintRule = () => ({
  Header(node: object, ctx) {
    const value = (node as Record<string, unknown>)["x-request-id"];
    if (value !== undefined) reportProblems(ctx, "x-request-id", parseXRequestId(value));
  },
});
