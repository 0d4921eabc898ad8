import type { ApiModel } from "../generator/model/types.js";
import type { WebhookModel } from "../generator/model/webhooks.js";
import { signWebhook } from "../generator/runtime/webhook-signer.js";
import { mockApi } from "./mock-api.js";
import { defaultSecret } from "./mocks.js";
import { type MockSpec, selectSpecs, shippedSpecs } from "./specs.js";

/** What to sign; by default the webhook's first documented example, with the mocks' test secrets. */
export interface BuildWebhookOptions {
  /** The notification to send (a signature field in it is replaced); default a spec example. */
  readonly payload?: Readonly<Record<string, unknown>>;
  /** Which named example of the spec, when no payload is given; default the first. */
  readonly example?: string;
  /** One of the webhook's media types; default its first (JSON before form where both exist). */
  readonly mediaType?: string;
  /** Key option (e.g. `paymentKey`) → value; default `test-<option>`, what the mocks use. */
  readonly secrets?: Readonly<Record<string, string>>;
  /** When the notification is issued; tokens expire counting from it. Default now. */
  readonly now?: Date;
}

/** A notification ready to send, exactly as the provider would. */
export interface BuiltWebhook {
  readonly webhook: WebhookModel;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

function webhookOf(model: ApiModel, name: string): WebhookModel {
  const webhook = model.webhooks.find((w) => w.name === name);
  if (webhook === undefined) {
    const known = model.webhooks.map((w) => w.name).join(", ") || "none";
    throw new Error(`${model.name} has no webhook "${name}"; its spec declares: ${known}`);
  }
  return webhook;
}

function examplePayload(
  webhook: WebhookModel,
  mediaType: string,
  example: string | undefined,
): Readonly<Record<string, unknown>> {
  const examples = webhook.examples[mediaType] ?? {};
  const chosen = example ?? Object.keys(examples)[0];
  const value = chosen === undefined ? undefined : examples[chosen];
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const known = Object.keys(examples).join(", ") || "none";
    throw new Error(
      `webhook "${webhook.name}" has no ${mediaType} example ${chosen === undefined ? "" : `"${chosen}" `}(examples: ${known}); pass a payload`,
    );
  }
  return value as Readonly<Record<string, unknown>>;
}

/** Signs a notification of `model`'s webhook `name` with the same algorithm its verifier checks. */
export async function buildWebhook(
  model: ApiModel,
  name: string,
  options: BuildWebhookOptions = {},
): Promise<BuiltWebhook> {
  const webhook = webhookOf(model, name);
  const mediaType = options.mediaType ?? webhook.mediaTypes[0]!;
  const payload = options.payload ?? examplePayload(webhook, mediaType, options.example);
  const option = webhook.signature.secret;
  const secret = options.secrets?.[option] ?? defaultSecret(option);
  const signed = await signWebhook(webhook, payload, secret, {
    mediaType,
    ...(options.now ? { now: options.now } : {}),
  });
  return { webhook, body: signed.body, headers: signed.headers };
}

export interface SendWebhookOptions extends BuildWebhookOptions {
  /** The provider (e.g. "cryptomus"), or its model. */
  readonly provider: string | ApiModel;
  /** The webhook's name under `webhooks:` (e.g. "payment"). */
  readonly webhook: string;
  /** The endpoint to notify. */
  readonly to: string;
  /** Where to find `provider` by name; default the specs that ship with the package. */
  readonly specs?: readonly MockSpec[];
  readonly fetch?: typeof fetch;
  readonly signal?: AbortSignal;
}

export interface SentWebhook extends BuiltWebhook {
  /** The endpoint's answer. */
  readonly status: number;
  readonly responseBody: string;
}

/** The model of one provider, from the given specs or those that ship with the package. */
export async function providerModel(provider: string, specs?: readonly MockSpec[]): Promise<ApiModel> {
  const [spec] = selectSpecs(specs ?? (await shippedSpecs()), [provider]);
  return mockApi(spec!).model;
}

/**
 * Sends a correctly signed notification to `to`, as the provider would, so a merchant's
 * endpoint can be tested end to end. Resolves with the endpoint's answer, whatever its status.
 */
export async function sendWebhook(options: SendWebhookOptions): Promise<SentWebhook> {
  if (!/^https?:\/\//.test(options.to))
    throw new Error(`the webhook target must be an http(s) URL, got ${JSON.stringify(options.to)}`);
  const model =
    typeof options.provider === "string" ? await providerModel(options.provider, options.specs) : options.provider;
  const built = await buildWebhook(model, options.webhook, options);
  const response = await (options.fetch ?? fetch)(options.to, {
    method: built.webhook.method.toUpperCase(),
    headers: built.headers,
    body: built.body,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { ...built, status: response.status, responseBody: await response.text() };
}
