import { ConfigurationError } from "./errors.js";
import type { BaseClientOptions, RetryOptions } from "./types.js";

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Everything a call needs from the client, resolved once at creation. */
export interface ClientContext {
  readonly provider: string;
  readonly baseUrl: string;
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
  readonly validateResponses: boolean;
}

/**
 * Picks the spec-declared credential options out of the user's options. `required` lists the
 * options every operation needs (the generator knows which); the others may be absent until an
 * operation that needs them is called.
 */
export function createContext(
  provider: string,
  defaultBaseUrl: string,
  options: BaseClientOptions & object,
  credentialOptions: readonly string[],
  required: readonly string[],
  defaultOptions: readonly string[] = [],
): ClientContext {
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
  const defaults = new Map(defaultOptions.filter((name) => values[name] !== undefined).map((name) => [name, values[name]]));
  const baseUrl = (options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, "");
  if (!/^https?:\/\//.test(baseUrl)) {
    throw new ConfigurationError(provider, "createClient", `baseUrl must be an http(s) URL, got ${JSON.stringify(baseUrl)}`);
  }
  return {
    provider,
    baseUrl,
    fetch: options.fetch ?? globalThis.fetch,
    headers: { ...options.headers },
    credentials,
    defaults,
    secrets: [...credentials.values()],
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retry: options.retry ?? {},
    validateRequests: options.validateRequests ?? true,
    validateResponses: options.validateResponses ?? false,
  };
}
