import { createHmac } from "node:crypto";
import { sameText } from "./constant-time.js";
import { jsonNodeOf } from "./ordered-json.js";
import { sortedJson, type SortedJsonStyle } from "./sorted-json.js";
import { reject, type WebhookAlgorithm } from "./webhook-types.js";

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Public implementations of "HMAC over the key-sorted JSON body" print that JSON in different
 * ways: compact (`{"a":1}`, as JS's JSON.stringify) or spaced (`{"a": 1}`, Python's json.dumps
 * default), with non-ASCII text raw or `\u`-escaped. All four print the same parsed body, so
 * accepting any of them admits no body the key holder did not sign.
 */
const STYLES: readonly SortedJsonStyle[] = [
  { spaced: false, asciiOnly: false },
  { spaced: true, asciiOnly: true },
  { spaced: false, asciiOnly: true },
  { spaced: true, asciiOnly: false },
];

function hmacHex(text: string, secret: string): string {
  return createHmac("sha256", secret).update(text, "utf8").digest("hex");
}

/** Signature in a header: lower-case hex HMAC-SHA256, keyed with the secret, of the key-sorted body. */
export const hmacSha256SortedJson: WebhookAlgorithm = {
  signatureIn: "header",
  bodies: ["json"],
  takesClaims: false,
  malformed: (signature, declaration) =>
    HEX64.test(signature)
      ? undefined
      : `malformed signature: header ${declaration.name} is not 64 lower-case hex digits`,
  async verify({ body, signature, secret, declaration }) {
    if (body.kind !== "json") return reject(`the ${declaration.algorithm} signature needs a JSON body`);
    const candidates = new Set(STYLES.map((style) => sortedJson(body.tree, style)));
    // Every candidate is compared (no early exit): which form matched is no secret, but the key is.
    const matches = [...candidates].map((text) => sameText(hmacHex(text, secret), signature));
    return matches.includes(true)
      ? { ok: true }
      : reject("signature does not match the body (changed body or wrong key)");
  },
  async sign({ payload, secret, declaration }) {
    // Signed as Python's json.dumps(body, sort_keys=True) prints it; sent compact.
    const signature = hmacHex(sortedJson(jsonNodeOf(payload), { spaced: true, asciiOnly: true }), secret);
    return { body: JSON.stringify(payload), headers: { [declaration.name]: signature } };
  },
};
