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

/** The request never got an HTTP answer (DNS, refused, reset). The low-level error is `cause`. */
export class TransportError extends ClientError {
  override name = "TransportError";
}

/** No complete answer arrived within the timeout. */
export class TimeoutError extends ClientError {
  override name = "TimeoutError";
  readonly timeoutMs: number;

  constructor(provider: string, operation: string, timeoutMs: number) {
    super(provider, operation, `no complete answer within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** The answer's status is not documented, or its body is not what the spec says. */
export class UnexpectedResponseError extends ClientError {
  override name = "UnexpectedResponseError";
  readonly status: number;
  readonly contentType: string;
  /** At most 200 characters of the body, with credentials redacted. */
  readonly bodyExcerpt: string;

  constructor(provider: string, operation: string, reason: string, details: { status: number; contentType: string; bodyExcerpt: string }) {
    super(provider, operation, `${reason} (HTTP ${details.status}, ${details.contentType || "no content type"}): ${JSON.stringify(details.bodyExcerpt)}`);
    this.status = details.status;
    this.contentType = details.contentType;
    this.bodyExcerpt = details.bodyExcerpt;
  }
}

/** The client was configured wrongly (a missing credential option, for example). */
export class ConfigurationError extends ClientError {
  override name = "ConfigurationError";
}
