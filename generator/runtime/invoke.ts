import type { ClientContext } from "./context.js";
import { explainDefaults, withClientDefaults } from "./defaults.js";
import { ClientError, TimeoutError, TransportError, UnexpectedResponseError } from "./errors.js";
import { derivedSecrets, redact, redactedError } from "./redact.js";
import { type PreparedRequest, prepareRequest } from "./request.js";
import { readResponse, requestIdOf } from "./response.js";
import { parseRetryAfter, retryableStatus, retryDelay, retryPolicy, sleep } from "./retry.js";
import type { OperationSpec, RequestArgs, RequestEvent } from "./types.js";
import { ValidationError } from "./validation.js";

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error.cause as { code?: unknown } | undefined)?.code;
    return typeof code === "string" ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}

/** Low-level codes of a connection that was never made: the provider saw nothing. */
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

interface Attempt {
  readonly result?: { readonly status: number; readonly response: Response; readonly requestId: string | undefined };
  readonly error?: unknown;
  /** Status of the answer, when there was one. */
  readonly status?: number;
  readonly retryAfter?: number | undefined;
  /** What the hooks were told was sent; undefined when nothing was (refused before sending). */
  readonly sent?: RequestEvent;
  readonly durationMs: number;
}

/** Calls a hook; one that throws is ignored, so observing a call can never break it. */
function notify<E>(hook: ((event: E) => void) | undefined, event: E): void {
  try {
    hook?.(event);
  } catch {
    // Deliberately ignored: see ClientHooks.
  }
}

/**
 * The request as hooks see it: credential headers and query values masked whole, any other
 * trace of a secret redacted.
 */
function requestEvent(
  ctx: ClientContext,
  op: OperationSpec,
  n: number,
  prepared: PreparedRequest,
  secrets: readonly string[],
): RequestEvent {
  const url = new URL(prepared.url);
  for (const name of prepared.secretQuery) if (url.searchParams.has(name)) url.searchParams.set(name, "[redacted]");
  const headers = Object.fromEntries(
    [...new Headers(prepared.init.headers)].map(([name, value]) => [
      name,
      prepared.secretHeaders.includes(name) ? "[redacted]" : redact(value, secrets),
    ]),
  );
  return {
    provider: ctx.provider,
    operation: op.id,
    attempt: n,
    method: op.method,
    url: redact(url.href.replace(/%5Bredacted%5D/g, "[redacted]"), secrets),
    headers,
  };
}

/**
 * One attempt: a fresh request (serialized and signed anew), sent and read under one timeout
 * that also covers the body. Never throws; the caller decides between retrying and failing.
 */
async function attempt(
  ctx: ClientContext,
  op: OperationSpec,
  args: RequestArgs,
  timeoutMs: number,
  n: number,
): Promise<Attempt> {
  // One controller for the timeout and the caller's signal: cheaper per call than
  // AbortSignal.timeout + AbortSignal.any, and the timer is cleared as soon as the body is read.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forward = () => controller.abort(args.signal?.reason);
  if (args.signal?.aborted) forward();
  else args.signal?.addEventListener("abort", forward, { once: true });
  let response: Response | undefined;
  let secrets = ctx.secrets;
  let sent: RequestEvent | undefined;
  const started = performance.now();
  // Completes the outcome literal each return site makes (no copy: spreading it costs a call more).
  const ended = (outcome: Omit<Attempt, "durationMs" | "sent">): Attempt => {
    const done = outcome as { -readonly [K in keyof Attempt]: Attempt[K] };
    if (sent) done.sent = sent;
    done.durationMs = performance.now() - started;
    return done;
  };
  try {
    const prepared = prepareRequest(ctx, op, args);
    if (prepared.derived.length > 0) secrets = [...ctx.secrets, ...prepared.derived];
    if (ctx.hooks.onRequest !== undefined || ctx.hooks.onResponse !== undefined) {
      sent = requestEvent(ctx, op, n, prepared, secrets);
      notify(ctx.hooks.onRequest, sent);
    }
    // prepared.init is this attempt's own: the signal of its timeout (and the caller's) goes straight in.
    prepared.init.signal = controller.signal;
    response = await ctx.fetch(prepared.url, prepared.init);
    const result = (await readResponse(ctx, op, response, secrets)) as {
      status: number;
      response: Response;
      requestId: string | undefined;
    };
    derivedSecrets.set(result, prepared.derived);
    // Retry-After only matters to a status worth retrying.
    const retryAfter = retryableStatus(result.status)
      ? parseRetryAfter(response.headers.get("retry-after"))
      : undefined;
    return ended({ result, status: result.status, retryAfter });
  } catch (error) {
    if (args.signal?.aborted) return ended({ error: args.signal.reason });
    if (timedOut) return ended({ error: new TimeoutError(ctx.provider, op.id, timeoutMs, !op.idempotent) });
    if (error instanceof UnexpectedResponseError) {
      return ended({
        error,
        status: error.status,
        retryAfter: parseRetryAfter(response?.headers.get("retry-after") ?? null),
      });
    }
    if (error instanceof ClientError) return ended({ error });
    const stage = response === undefined ? "request failed" : "answer broke off";
    // A connection that was never made carried no request; anything later may have.
    const reached =
      response !== undefined || !NEVER_SENT.has(String((error as { cause?: { code?: unknown } }).cause?.code));
    const failure = new TransportError(ctx.provider, op.id, `${stage}: ${redact(describe(error), secrets)}`, {
      cause: redactedError(error, secrets),
      outcomeUnknown: reached && !op.idempotent,
    });
    if (response !== undefined) failure.requestId = requestIdOf(ctx, response.headers);
    return ended({ error: failure });
  } finally {
    clearTimeout(timer);
    args.signal?.removeEventListener("abort", forward);
  }
}

/**
 * One call of one operation, with the client's timeout and, for operations safe to repeat,
 * retries on connection errors, 408, 429 and 5xx. `R` is the operation's generated result
 * union; the runtime returns the matching shape, which the generated method declares.
 */
export async function invoke<R>(ctx: ClientContext, op: OperationSpec, given: RequestArgs = {}): Promise<R> {
  const args = withClientDefaults(ctx, op, given);
  if (ctx.validateRequests && op.validateRequest) {
    const issues = op.validateRequest(args);
    if (issues.length > 0) throw new ValidationError(ctx.provider, op.id, explainDefaults(op, issues));
  }
  const policy = retryPolicy(ctx.retry, args.retry, op.idempotent);
  const timeoutMs = args.timeoutMs ?? ctx.timeoutMs;
  for (let n = 1; ; n++) {
    const outcome = await attempt(ctx, op, args, timeoutMs, n);
    const retryable =
      outcome.status === undefined ? outcome.error instanceof TransportError : retryableStatus(outcome.status);
    const retrying = n < policy.attempts && retryable;
    if (outcome.sent !== undefined) {
      const requestId =
        outcome.result?.requestId ?? (outcome.error instanceof ClientError ? outcome.error.requestId : undefined);
      notify(ctx.hooks.onResponse, {
        ...outcome.sent,
        durationMs: outcome.durationMs,
        status: outcome.status,
        requestId,
        error: outcome.error,
        retrying,
      });
    }
    if (!retrying) {
      if (outcome.result === undefined) throw outcome.error;
      return outcome.result as R;
    }
    await sleep(retryDelay(policy, n, outcome.retryAfter), args.signal);
  }
}
