import { inspect } from "node:util";

/**
 * Base of every error the clients throw. It carries which provider and operation failed, and
 * nothing secret: messages are built from facts the caller already has, response excerpts are
 * redacted of every configured credential, and `cause` is kept out of JSON and inspect output.
 */
export class ClientError extends Error {
  override name = "ClientError";
  readonly provider: string;
  readonly operation: string;
  /** The provider's id of the answer this error is about, when there was one and it carried an id. */
  requestId: string | undefined = undefined;

  constructor(provider: string, operation: string, message: string, options?: { cause?: unknown }) {
    super(`${provider}.${operation}: ${message}`, options);
    this.provider = provider;
    this.operation = operation;
  }

  toJSON(): Record<string, unknown> {
    const { cause: _cause, stack: _stack, ...own } = Object.fromEntries(Object.entries(this));
    return { name: this.name, message: this.message, ...own };
  }

  [inspect.custom](): string {
    return `${this.name}: ${this.message} ${inspect(this.toJSON(), { depth: 2 })}`;
  }
}

/** What a lost answer of an operation that is not safe to repeat means for the caller. */
export const OUTCOME_UNKNOWN =
  "not retried, since repeating this operation is not documented as safe; it may have been carried out, so check its outcome (by its order id, say) before sending it again";

/**
 * The request never got a complete HTTP answer (DNS, refused, reset). `cause` is a redacted
 * copy of the low-level error.
 */
export class TransportError extends ClientError {
  override name = "TransportError";
  /** True when the request may have reached the provider and the operation is not safe to repeat. */
  readonly outcomeUnknown: boolean;

  constructor(
    provider: string,
    operation: string,
    message: string,
    options: { cause?: unknown; outcomeUnknown?: boolean } = {},
  ) {
    super(provider, operation, options.outcomeUnknown === true ? `${message}; ${OUTCOME_UNKNOWN}` : message, {
      cause: options.cause,
    });
    this.outcomeUnknown = options.outcomeUnknown === true;
  }
}

/** No complete answer arrived within the timeout. */
export class TimeoutError extends ClientError {
  override name = "TimeoutError";
  readonly timeoutMs: number;
  /** True when the operation is not safe to repeat: the request may have been carried out. */
  readonly outcomeUnknown: boolean;

  constructor(provider: string, operation: string, timeoutMs: number, outcomeUnknown = false) {
    super(
      provider,
      operation,
      `no complete answer within ${timeoutMs} ms${outcomeUnknown ? `; ${OUTCOME_UNKNOWN}` : ""}`,
    );
    this.timeoutMs = timeoutMs;
    this.outcomeUnknown = outcomeUnknown;
  }
}

/** The answer's status is not documented, or its body is not what the spec says. */
export class UnexpectedResponseError extends ClientError {
  override name = "UnexpectedResponseError";
  readonly status: number;
  readonly contentType: string;
  /** At most 200 characters of the body, with credentials redacted. */
  readonly bodyExcerpt: string;

  constructor(
    provider: string,
    operation: string,
    reason: string,
    details: { status: number; contentType: string; bodyExcerpt: string },
  ) {
    super(
      provider,
      operation,
      `${reason} (HTTP ${details.status}, ${details.contentType || "no content type"}): ${JSON.stringify(details.bodyExcerpt)}`,
    );
    this.status = details.status;
    this.contentType = details.contentType;
    this.bodyExcerpt = details.bodyExcerpt;
  }
}

/** The client was configured wrongly (a missing credential option, for example). */
export class ConfigurationError extends ClientError {
  override name = "ConfigurationError";
}
