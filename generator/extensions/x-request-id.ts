import type { Parsed } from "./problem.js";

/**
 * `x-request-id: true` on a response header (a Header object): that header carries the
 * provider's id of the answer, which results and errors then carry as `requestId`. Without any,
 * the client looks for the common ones (x-request-id, request-id, x-correlation-id, cf-ray).
 */
export function parseXRequestId(value: unknown): Parsed<true> {
  return value === true ? { ok: true, value } : { ok: false, problems: [{ path: [], message: "x-request-id must be true (it marks the header that carries the answer's id)" }] };
}
