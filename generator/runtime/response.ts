import type { ClientContext } from "./context.js";
import { UnexpectedResponseError } from "./errors.js";
import { readBytes, readPrefix } from "./body.js";
import { isJsonMediaType } from "./media-types.js";
import { EXCERPT_CHARS, excerpt, MAX_ENCODED_CHAR } from "./redact.js";
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

const utf8 = new TextDecoder();

/** The answer's id: the first of the request-id headers it carries. */
export function requestIdOf(ctx: ClientContext, headers: Headers): string | undefined {
  for (const name of ctx.requestIdHeaders) {
    const value = headers.get(name);
    if (value !== null && value !== "") return value;
  }
  return undefined;
}

/** The answer again, its body unread: the same status, headers and bytes (the original's stream is spent). */
function unread(response: Response, bytes: Uint8Array | null): Response {
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * A documented answer's result. Its `response` copy is made when first read, since most callers
 * never read it and a Response costs about a sixth of a call on loopback.
 */
function result(
  ok: boolean,
  status: number,
  value: unknown,
  response: Response,
  bytes: Uint8Array | null,
  requestId: string | undefined,
): unknown {
  let copy: Response | undefined;
  return {
    ok,
    status,
    [ok ? "data" : "error"]: value,
    get response(): Response {
      copy ??= unread(response, bytes);
      return copy;
    },
    requestId,
  };
}

/** Bytes of a body read for an error excerpt: enough for the excerpt plus any secret in it, however encoded. */
function excerptBytes(secrets: readonly string[]): number {
  const longest = secrets.reduce((n, s) => Math.max(n, s.length), 0);
  return 4 * (EXCERPT_CHARS + MAX_ENCODED_CHAR * longest);
}

/**
 * Turns an HTTP answer into `{ ok, status, data | error, response }`, or throws
 * UnexpectedResponseError when the answer is not one the spec documents (status, content type,
 * a body that is not the JSON it should be, a redirect, a body over `maxBodyBytes`).
 */
export async function readResponse(
  ctx: ClientContext,
  op: OperationSpec,
  response: Response,
  secrets: readonly string[] = ctx.secrets,
): Promise<unknown> {
  const status = response.status;
  const contentType = response.headers.get("content-type") ?? "";
  const requestId = requestIdOf(ctx, response.headers);
  const fail = async (reason: string, text?: string): Promise<never> => {
    const body = text ?? (await readPrefix(response, excerptBytes(secrets)));
    const error = new UnexpectedResponseError(ctx.provider, op.id, reason, {
      status,
      contentType,
      bodyExcerpt: excerpt(body, secrets),
    });
    error.requestId = requestId;
    throw error;
  };
  // A fetch that followed a redirect anyway (a custom one) has already sent the request on; at
  // least the foreign answer is not handed back as the provider's.
  if (response.url !== "" && !response.url.startsWith(`${ctx.origin}/`))
    return fail(`answer from another origin than ${ctx.origin}, not used`, "");
  const key = matchStatus(op, status);
  if (status >= 300 && status < 400 && (key === undefined || key === "default")) {
    return fail(`redirect not followed: credentials are only ever sent to ${ctx.origin}`);
  }
  if (key === undefined) return fail("undocumented status");
  const documentedSuccess = Object.keys(op.responses).some(isSuccessKey);
  const ok = key === "default" ? status < 400 && !documentedSuccess : isSuccessKey(key);
  if (key === "default" && status < 400 && documentedSuccess) return fail("undocumented success status");

  const mediaType = op.responses[key] ?? null;
  if (mediaType === null) {
    await response.body?.cancel();
    return result(ok, status, undefined, response, null, requestId);
  }
  const read = await readBytes(response, ctx.maxBodyBytes);
  if (!read.ok) return fail(`body larger than maxBodyBytes (${ctx.maxBodyBytes} bytes), not read further`, "");
  let payload: unknown;
  if (isJsonMediaType(mediaType)) {
    const text = utf8.decode(read.bytes);
    if (!isJsonMediaType(contentType)) return fail(`expected ${mediaType}`, text);
    if (text.length === 0) return fail("empty body where JSON was expected", text);
    try {
      payload = JSON.parse(text);
    } catch {
      return fail("body is not valid JSON", text);
    }
    const validate = Object.hasOwn(ctx.responseValidators, op.id) ? ctx.responseValidators[op.id] : undefined;
    if (validate !== undefined) {
      const issues = validate(key, payload);
      if (issues.length > 0) {
        const error = new ResponseValidationError(ctx.provider, op.id, status, issues);
        error.requestId = requestId;
        throw error;
      }
    }
  } else if (mediaType.startsWith("text/")) {
    payload = utf8.decode(read.bytes);
  } else {
    payload = new Blob([read.bytes], { type: contentType });
  }
  return result(ok, status, payload, response, read.bytes, requestId);
}
