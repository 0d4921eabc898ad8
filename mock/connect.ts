import type { AnswerChoice } from "./answers.js";
import { CONTROL_PATH } from "./front.js";

/** What tests need to reach running mocks; plain data, so a test runner can hand it to its workers. */
export interface MockInfo {
  /** Provider → base URL of its mock, `http://127.0.0.1:PORT`. */
  readonly urls: Readonly<Record<string, string>>;
  /** Option (credential or webhook key) → the test secret the mocks expect and sign with. */
  readonly secrets: Readonly<Record<string, string>>;
}

/** Running mocks, seen from a test: where they are, and how to change their answers. */
export interface MockControl extends MockInfo {
  /**
   * Makes `operationId` of `provider` answer `choice` (a documented status or named example; or
   * 408, 429, a 5xx) for its next `choice.times` calls, or until reset. Choices queue up.
   */
  answer(provider: string, operationId: string, choice: AnswerChoice): Promise<void>;
  /** Drops every forced answer (of one provider, or of all). */
  reset(provider?: string): Promise<void>;
  /**
   * A client of `provider` pointed at its mock, made by the generated factory with the test
   * secrets and `options` (which win), e.g. `mocks.client("cryptomus", createCryptomusClient)`.
   */
  client<O extends object, C>(provider: string, factory: (options: O) => C, options?: Partial<O>): C;
}

function urlFor(info: MockInfo, provider: string): string {
  const url = info.urls[provider];
  if (url === undefined)
    throw new Error(`no mock for "${provider}"; running: ${Object.keys(info.urls).join(", ") || "none"}`);
  return url;
}

async function call(url: string, method: "POST" | "DELETE", body?: unknown): Promise<void> {
  const response = await fetch(`${url}${CONTROL_PATH}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
  if (!response.ok) {
    const text = await response.text();
    let message = text;
    try {
      message = (JSON.parse(text) as { error?: string }).error ?? text;
    } catch {
      // Not the front's JSON: show it as it came.
    }
    throw new Error(`mock at ${url}: ${message}`);
  }
}

/** The pieces of MockControl that work the same in and out of the process running the mocks. */
export function clientOf(info: MockInfo): MockControl["client"] {
  return (provider, factory, options) =>
    // The mocks know the options a generated client takes (its spec's credentials); the factory's
    // own type cannot say so, hence the assertion.
    factory({ ...info.secrets, baseUrl: urlFor(info, provider), ...options } as unknown as Parameters<
      typeof factory
    >[0]);
}

/** Control of mocks started elsewhere (a test runner's global setup) from their MockInfo. */
export function connectMocks(info: MockInfo): MockControl {
  return {
    urls: info.urls,
    secrets: info.secrets,
    answer: async (provider, operationId, choice) =>
      call(urlFor(info, provider), "POST", { ...choice, operation: operationId }),
    reset: async (provider) => {
      await Promise.all(
        (provider === undefined ? Object.values(info.urls) : [urlFor(info, provider)]).map((url) =>
          call(url, "DELETE"),
        ),
      );
    },
    client: clientOf(info),
  };
}
