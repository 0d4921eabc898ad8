import type { ClientContext } from "./context.js";
import { UnexpectedResponseError } from "./errors.js";
import { excerpt } from "./redact.js";
import type { OperationSpec } from "./types.js";
import { ResponseValidationError } from "./validation.js";

/** The documented response key an HTTP status falls under: exact, then range, then default. */
export function matchStatus(op: OperationSpec, status: number): string | undefined {
  const exact = String(status);
  if (exact in op.responses) return exact;
  const range = `${exact[0]}XX`;
  if (range in op.responses) return range;
  return "default" in op.responses ? "default" : undefined;
}

function isSuccessKey(key: string): boolean {
  return key[0] === "2" || key[0] === "3";
}

const JSON_TYPE = /^application\/(.+\+)?json\b|[/+]json\b/i;

/**
 * Turns an HTTP answer into `{ ok, status, data | error, response }`, or throws
 * UnexpectedResponseError when the answer is not one the spec documents (status, content type,
 * or a body that is not the JSON it should be).
 */
export async function readResponse(
  ctx: ClientContext,
  op: OperationSpec,
  response: Response,
  secrets: readonly string[] = ctx.secrets,
): Promise<unknown> {
  const status = response.status;
  const contentType = response.headers.get("content-type") ?? "";
  const fail = async (reason: string, text?: string): Promise<never> => {
    const body = text ?? (await response.text().catch(() => ""));
    throw new UnexpectedResponseError(ctx.provider, op.id, reason, { status, contentType, bodyExcerpt: excerpt(body, secrets) });
  };
  const key = matchStatus(op, status);
  if (key === undefined) return fail("undocumented status");
  const documentedSuccess = Object.keys(op.responses).some(isSuccessKey);
  const ok = key === "default" ? status < 400 && !documentedSuccess : isSuccessKey(key);
  if (key === "default" && status < 400 && documentedSuccess) return fail("undocumented success status");

  const mediaType = op.responses[key] ?? null;
  let payload: unknown;
  if (mediaType === null) {
    await response.body?.cancel();
  } else if (JSON_TYPE.test(mediaType)) {
    const text = await response.text();
    if (!JSON_TYPE.test(contentType)) return fail(`expected ${mediaType}`, text);
    if (text.length === 0) return fail("empty body where JSON was expected", text);
    try {
      payload = JSON.parse(text);
    } catch {
      return fail("body is not valid JSON", text);
    }
    if (ctx.validateResponses && op.validateResponse) {
      const issues = op.validateResponse(key, payload);
      if (issues.length > 0) throw new ResponseValidationError(ctx.provider, op.id, status, issues);
    }
  } else if (mediaType.startsWith("text/")) {
    payload = await response.text();
  } else {
    payload = await response.blob();
  }
  return ok ? { ok, status, data: payload, response } : { ok, status, error: payload, response };
}
