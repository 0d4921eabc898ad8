import type { Parsed } from "./problem.js";

/**
 * `x-idempotent: true` on an operation: repeating it has no further effect (a read sent as
 * POST), so the client may retry it. GET, HEAD, OPTIONS, PUT and DELETE are idempotent by HTTP.
 */
export function parseXIdempotent(value: unknown): Parsed<boolean> {
  return typeof value === "boolean"
    ? { ok: true, value }
    : { ok: false, problems: [{ path: [], message: "x-idempotent must be true or false" }] };
}
