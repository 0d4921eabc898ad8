import type { Issue } from "./validation.js";

/** The data a generated client hands to the runtime for one operation (emitted from the spec). */
export type AuthSpec =
  | {
      readonly kind: "credential";
      readonly in: "header" | "query" | "cookie";
      readonly name: string;
      /** Client option holding the value. */
      readonly option: string;
      readonly prefix: string;
      /** "base64": the option holds "user:password", sent base64-encoded (HTTP basic). */
      readonly encoding?: "base64";
    }
  | {
      readonly kind: "signature";
      /** Header carrying the signature. */
      readonly name: string;
      /** Name in the request-signer registry (signing.ts). */
      readonly algorithm: string;
      /** Client option holding the signing secret. */
      readonly option: string;
    };

/** Cursor paging: the next page is asked for with the cursor the previous page returned. */
export interface CursorPaginationSpec {
  readonly cursor: { readonly in: "query" | "header"; readonly name: string };
  /** JSON pointer of the next cursor in the success body. */
  readonly nextCursor: string;
  /** JSON pointer of the page's items in the success body. */
  readonly items: string;
}

/** Where a paging field goes in the request: a parameter, or a top-level field of the JSON body. */
export interface PagingField {
  readonly in: "query" | "header" | "body";
  readonly name: string;
}

/** Offset paging: the next page starts where the previous one ended. */
export interface OffsetPaginationSpec {
  /** Index of the first record of the page (0 for the first record). */
  readonly offset: PagingField;
  /** "count": the page size; "end": the index of the last record wanted (offset + page size). */
  readonly limit: PagingField & { readonly meaning: "count" | "end" };
  /** Page size when a call sets no limit (the limit's documented default). */
  readonly pageSize: number;
  /** JSON pointer of the page's items in the success body. */
  readonly items: string;
}

export type PaginationSpec = CursorPaginationSpec | OffsetPaginationSpec;

export interface BatchSpec {
  /** JSON pointer of the list in the request body. */
  readonly items: string;
  /** JSON pointer of the list to merge in the success body. */
  readonly results: string;
  /** Entries per request. */
  readonly size: number;
}

/** A request field the client fills from one of its options when a call leaves it out (`x-client-option`). */
export interface ClientDefaultSpec {
  /** A parameter location, or "body" for a top-level field of the JSON body. */
  readonly in: "path" | "query" | "header" | "cookie" | "body";
  readonly name: string;
  /** The client option holding the value. */
  readonly option: string;
}

/** `T` with the keys `K` made optional: the fields a client option can fill. */
export type WithDefaults<T, K extends PropertyKey> = T extends object
  ? Omit<T, K & keyof T> & Partial<Pick<T, K & keyof T>>
  : T;

export interface ParameterStyle {
  readonly style: string;
  readonly explode: boolean;
}

export interface OperationSpec {
  readonly id: string;
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Path template, e.g. "/pets/{id}". */
  readonly path: string;
  /** Media type of the request body, when the operation has one. */
  readonly body?: string;
  /** Every media type the body may be sent as, when there are several (the call picks with `contentType`). */
  readonly bodyTypes?: readonly string[];
  /**
   * "query:name" / "header:name" / "cookie:name" → serialization, where not the default
   * (form+explode for query and cookie, simple for headers).
   */
  readonly styles?: Readonly<Record<string, ParameterStyle>>;
  /** Alternatives (the first one whose credentials are configured is used); each applies all its parts. */
  readonly auth: readonly (readonly AuthSpec[])[];
  /** Documented status ("200", "4XX", "default") → media type of its body, or null for none. */
  readonly responses: Readonly<Record<string, string | null>>;
  /** Safe to repeat (retries are allowed). */
  readonly idempotent: boolean;
  readonly pagination?: PaginationSpec;
  readonly batch?: BatchSpec;
  readonly exactlyOneOf?: readonly string[];
  /** Fields filled from client options when a call leaves them out. */
  readonly defaults?: readonly ClientDefaultSpec[];
  /** Generated from the spec: issues with the call's arguments (required, patterns, limits, one-of). */
  readonly validateRequest?: (args: RequestArgs) => Issue[];
}

/**
 * A client's response validators, generated from the spec into its own module
 * (`<provider>/response-validators`), which the client never imports: an app that does not
 * check answers does not carry them. Passed as the client's `validateResponses`.
 */
export interface ResponseValidators<P extends string = string> {
  /** The api they were generated for: a client refuses another's. */
  readonly provider: P;
  /** Per operationId: the issues with a documented JSON answer, by its response key ("200", "4XX", "default"). */
  readonly operations: Readonly<Record<string, (status: string, body: unknown) => Issue[]>>;
}

/** A documented success: `data` is the typed body. */
export interface Success<S extends number, T> {
  readonly ok: true;
  readonly status: S;
  readonly data: T;
  /** The answer as received, its body unread (a copy of the bytes `data` was read from). */
  readonly response: Response;
  /** The provider's id of this answer, from its request-id header, when it sent one. */
  readonly requestId: string | undefined;
}

/** A documented error answer: `error` is the typed body. */
export interface Failure<S extends number, E> {
  readonly ok: false;
  readonly status: S;
  readonly error: E;
  /** The answer as received, its body unread (a copy of the bytes `error` was read from). */
  readonly response: Response;
  /** The provider's id of this answer, from its request-id header, when it sent one. */
  readonly requestId: string | undefined;
}

/** One attempt of a call, as hooks see it. Credential values and signatures read `[redacted]`. */
export interface RequestEvent {
  readonly provider: string;
  readonly operation: string;
  /** 1 for the first attempt, 2 for the first retry… */
  readonly attempt: number;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** How an attempt ended: an answer (`status`), or the error that ended it. */
export interface ResponseEvent extends RequestEvent {
  readonly durationMs: number;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  /** What ended the attempt without a documented answer (thrown unless it is retried). */
  readonly error: unknown;
  /** Whether another attempt follows. */
  readonly retrying: boolean;
}

/**
 * Observers of every attempt (for logging, metrics, tracing). A hook that throws is ignored:
 * it cannot break a call.
 */
export interface ClientHooks {
  /** Before each attempt is sent. */
  readonly onRequest?: (event: RequestEvent) => void;
  /** After each attempt, answered or not. */
  readonly onResponse?: (event: ResponseEvent) => void;
}

/** Retry policy for operations that are safe to repeat (see README "Retries"). */
export interface RetryOptions {
  /** Total attempts, the first included. Default 3. */
  readonly attempts?: number;
  /** Backoff before retry n is a random delay in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))]. Default 250. */
  readonly baseDelayMs?: number;
  /** Default 4000. */
  readonly maxDelayMs?: number;
  /** A Retry-After longer than this is shortened to it. Default 30000. */
  readonly maxRetryAfterMs?: number;
}

/** Per-call transport settings, overriding the client's. */
export interface CallOptions {
  /** Milliseconds for each attempt, answer body included. */
  readonly timeoutMs?: number;
  /** `false` turns retries off for this call. */
  readonly retry?: RetryOptions | false;
  /** Cancels the call (and any wait before a retry). */
  readonly signal?: AbortSignal;
}

/** The parts of a call, by location; generated methods narrow each one from the spec. */
export interface RequestArgs extends CallOptions {
  readonly path?: object;
  readonly query?: object;
  readonly headers?: object;
  readonly cookie?: object;
  readonly body?: unknown;
  /** Media type to send the body as, among those the operation declares. */
  readonly contentType?: string;
}

/** Options every generated client accepts besides its credentials; `P` is its api's name. */
export interface BaseClientOptions<P extends string = string> {
  /** Defaults to the spec's first server URL. */
  readonly baseUrl?: string;
  /** Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  /** Extra headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Milliseconds for each attempt, answer body included. Default 30000. */
  readonly timeoutMs?: number;
  /** Retry policy for operations safe to repeat; `false` turns retries off. Default: 3 attempts. */
  readonly retry?: RetryOptions | false;
  /** Check each call's arguments against the spec before sending (ValidationError). Default true. */
  readonly validateRequests?: boolean;
  /**
   * Check each documented JSON answer against its schema (ResponseValidationError): the
   * client's response validators, imported from `<provider>/response-validators`. Default: not checked.
   */
  readonly validateResponses?: ResponseValidators<P>;
  /** Largest answer body read; a longer one is cancelled and thrown as UnexpectedResponseError. Default 10 MiB. */
  readonly maxBodyBytes?: number;
  /** Observers of every attempt; see ClientHooks. */
  readonly hooks?: ClientHooks;
}
