import { hmacSha256SortedJson } from "./webhook-hmac-sorted-json.js";
import { md5Base64PhpJson } from "./webhook-md5-php-json.js";
import { jwtHs256 } from "./webhook-jwt.js";
import type { WebhookAlgorithm } from "./webhook-types.js";

/**
 * Webhook-signature algorithms a spec can name in `x-webhook-signature.algorithm`. Each has a
 * verify side (generated verifiers) and a sign side (the test sender in mock/), with test
 * vectors in test/runtime/webhooks.test.ts. The generator knows none of them by name; specs do.
 * Today's users, for orientation: md5-base64-php-json (Cryptomus), jwt-hs256 (CryptoCloud
 * postbacks), hmac-sha256-hex-sorted-json (Morune).
 */
export const webhookAlgorithms: Readonly<Record<string, WebhookAlgorithm>> = {
  "md5-base64-php-json": md5Base64PhpJson,
  "jwt-hs256": jwtHs256,
  "hmac-sha256-hex-sorted-json": hmacSha256SortedJson,
};

export function getWebhookAlgorithm(name: string): WebhookAlgorithm {
  const algorithm = Object.hasOwn(webhookAlgorithms, name) ? webhookAlgorithms[name] : undefined;
  if (algorithm === undefined) {
    throw new Error(
      `unknown x-webhook-signature algorithm "${name}"; known: ${Object.keys(webhookAlgorithms).join(", ")}`,
    );
  }
  return algorithm;
}
