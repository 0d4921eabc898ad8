import { ConfigurationError } from "./errors.js";
import type { BaseClientOptions, ClientHooks, ResponseValidators, RetryOptions } from "./types.js";

export const DEFAULT_TIMEOUT_MS = 30_000;

/** The names of BaseClientOptions: a spec-declared option must not take one (test/types checks the list is whole). */
export const BASE_CLIENT_OPTIONS = [
  "baseUrl",
  "fetch",
  "headers",
  "timeoutMs",
  "retry",
  "validateRequests",
  "validateResponses",
  "maxBodyBytes",
  "hooks",
] as const satisfies readonly (keyof BaseClientOptions)[];

/** Where an answer's id is looked for when the spec declares no request-id header (the common ones). */
export const DEFAULT_REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-correlation-id", "cf-ray"];

/** Largest answer body a client reads (10 MiB) unless `maxBodyBytes` says otherwise. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Everything a call needs from the client, resolved once at creation. */
export interface ClientContext {
  readonly provider: string;
  readonly baseUrl: string;
  /** The base URL's origin: the only one credentials and signatures are ever sent to. */
  readonly origin: string;
  readonly fetch: typeof fetch;
  readonly headers: Readonly<Record<string, string>>;
  /** Credential option → value, only for the options the spec declares. */
  readonly credentials: ReadonlyMap<string, string>;
  /** `x-client-option` options the user set → their values, filled into calls that leave the field out. */
  readonly defaults: ReadonlyMap<string, unknown>;
  /** The same values, for redaction. */
  readonly secrets: readonly string[];
  readonly timeoutMs: number;
  readonly retry: RetryOptions | false;
  readonly validateRequests: boolean;
  /** Per operationId, the check of its documented answers; empty unless `validateResponses` was given. */
  readonly responseValidators: ResponseValidators["operations"];
  readonly maxBodyBytes: number;
  readonly hooks: ClientHooks;
  /** Headers whose value identifies an answer, first found wins. */
  readonly requestIdHeaders: readonly string[];
}

/**
 * The base URL, checked: absolute http(s), without credentials of its own. The value is never
 * echoed in the error, since a mistyped one may hold a secret.
 */
function checkedBaseUrl(provider: string, raw: string): URL {
  const fail = (rule: string): never => {
    throw new ConfigurationError(provider, "createClient", `baseUrl ${rule}`);
  };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail("must be an absolute http(s) URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") fail("must be an http(s) URL");
  if (url.username !== "" || url.password !== "")
    fail("must not carry a user name or password (pass credentials as client options)");
  if (url.search !== "" || url.hash !== "") fail("must not carry a query or fragment");
  return url;
}

/** The operations of `validateResponses`, checked to be this api's (a JavaScript caller may pass anything). */
function checkedResponseValidators(provider: string, given: unknown): ResponseValidators["operations"] {
  if (given === undefined) return {};
  const validators = given as Partial<ResponseValidators>;
  if (
    typeof given !== "object" ||
    given === null ||
    validators.provider !== provider ||
    typeof validators.operations !== "object" ||
    validators.operations === null
  ) {
    throw new ConfigurationError(
      provider,
      "createClient",
      `validateResponses takes this client's response validators: import them from its response-validators module ("payspec/${provider}/response-validators" in the package)`,
    );
  }
  return validators.operations;
}

/** What a generated client tells the runtime about its api (emitted from the spec). */
export interface ClientSpec {
  /** The api's name, as errors name it. */
  readonly provider: string;
  /** The spec's first server URL: the default `baseUrl`. */
  readonly baseUrl: string;
  /** Every client option holding a credential. */
  readonly credentials: readonly string[];
  /** The credential options every operation needs: creating the client without one fails. */
  readonly required: readonly string[];
  /** Options that fill request fields calls leave out (`x-client-option`). */
  readonly defaults?: readonly string[];
  /** Headers carrying the answer's id (`x-request-id`); default the common ones. */
  readonly requestIdHeaders?: readonly string[];
}

/**
 * Picks the spec-declared credential options out of the user's options. `required` lists the
 * options every operation needs (the generator knows which); the others may be absent until an
 * operation that needs them is called.
 */
export function createContext(spec: ClientSpec, options: BaseClientOptions & object): ClientContext {
  const { provider, credentials: credentialOptions, required } = spec;
  const values = options as Readonly<Record<string, unknown>>;
  const credentials = new Map<string, string>();
  for (const name of credentialOptions) {
    const value = values[name];
    if (value === undefined && !required.includes(name)) continue;
    if (typeof value !== "string" || value.length === 0) {
      throw new ConfigurationError(provider, "createClient", `option "${name}" must be a non-empty string`);
    }
    credentials.set(name, value);
  }
  const defaults = new Map(
    (spec.defaults ?? []).filter((name) => values[name] !== undefined).map((name) => [name, values[name]]),
  );
  const baseUrl = (options.baseUrl ?? spec.baseUrl).replace(/\/+$/, "");
  const { origin } = checkedBaseUrl(provider, baseUrl);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new ConfigurationError(provider, "createClient", "maxBodyBytes must be a positive whole number of bytes");
  }
  return {
    provider,
    baseUrl,
    origin,
    fetch: options.fetch ?? globalThis.fetch,
    headers: { ...options.headers },
    credentials,
    defaults,
    secrets: [...credentials.values()],
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retry: options.retry ?? {},
    validateRequests: options.validateRequests ?? true,
    responseValidators: checkedResponseValidators(provider, options.validateResponses),
    maxBodyBytes,
    hooks: options.hooks ?? {},
    requestIdHeaders: spec.requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS,
  };
}
