import type { LintRule } from "../spec/lint-context.js";
import { type Parsed, reportProblems } from "./problem.js";

/**
 * `x-idempotent: true` on an operation: repeating it has no further effect (a read sent as
 * POST), so the client may retry it. GET, HEAD, OPTIONS, PUT and DELETE are idempotent by HTTP.
 */
export function parseXIdempotent(value: unknown): Parsed<boolean> {
  return typeof value === "boolean"
    ? { ok: true, value }
    : { ok: false, problems: [{ path: [], message: "x-idempotent must be true or false" }] };
}

/** The lint rule: `x-idempotent` is a boolean. */
export const xIdempotentRule: LintRule = () => ({
  Operation(node: object, ctx) {
    const value = (node as Record<string, unknown>)["x-idempotent"];
    if (value !== undefined) reportProblems(ctx, "x-idempotent", parseXIdempotent(value));
  },
});
