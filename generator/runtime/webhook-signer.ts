import { getWebhookAlgorithm } from "./webhook-algorithms.js";
import { bodyKindOf } from "./webhook-body.js";
import { matchesWebhook } from "./webhook-match.js";
import type { SignedNotification, WebhookSpec } from "./webhook-types.js";

export interface SignWebhookOptions {
  /** One of the webhook's declared media types; default the first. */
  readonly mediaType?: string;
  /** When the notification is issued (token expiry counts from it); default now. */
  readonly now?: Date;
}

/**
 * A notification as the provider would send it: the payload (any signature field in it is
 * replaced) signed with `secret` by the webhook's algorithm, with its content type. The
 * counterpart of createWebhookVerifier, for test senders.
 */
export async function signWebhook(
  spec: WebhookSpec,
  payload: Readonly<Record<string, unknown>>,
  secret: string,
  options: SignWebhookOptions = {},
): Promise<SignedNotification> {
  const mediaType = options.mediaType ?? spec.mediaTypes[0];
  const kind = mediaType === undefined ? undefined : bodyKindOf(mediaType);
  if (mediaType === undefined || kind === undefined || !spec.mediaTypes.includes(mediaType)) {
    throw new TypeError(`webhook "${spec.name}" is sent as ${spec.mediaTypes.join(" or ")}, not ${String(mediaType)}`);
  }
  if (!matchesWebhook(spec, { kind: "json", value: payload })) {
    throw new TypeError(
      `the payload is not a "${spec.name}" notification: it must match ${JSON.stringify(spec.signature.match)}`,
    );
  }
  // A signature already in the payload (a spec example carries one) is replaced, not signed over.
  const unsigned =
    spec.signature.in === "body"
      ? Object.fromEntries(Object.entries(payload).filter(([key]) => key !== spec.signature.name))
      : payload;
  const signed = await getWebhookAlgorithm(spec.signature.algorithm).sign({
    payload: unsigned,
    kind,
    secret,
    declaration: spec.signature,
    now: options.now ?? new Date(),
  });
  return { body: signed.body, headers: { "content-type": mediaType, ...signed.headers } };
}
