import { sameText } from "./constant-time.js";
import { jsonNodeOf, type JsonNode } from "./ordered-json.js";
import { phpJsonEncode } from "./php-json.js";
import { getRequestSigner } from "./signing.js";
import { reject, type WebhookAlgorithm } from "./webhook-types.js";

// The same md5(base64(text) + key) that signs requests; only the signed text differs.
// Pure: a lookup, dropped from a bundle that never verifies a webhook.
const md5Base64 = /* @__PURE__ */ getRequestSigner("md5-base64-body");
const HEX32 = /^[0-9a-f]{32}$/;

function withoutField(tree: JsonNode, field: string): JsonNode {
  return tree.kind === "object" ? { kind: "object", entries: tree.entries.filter(([key]) => key !== field) } : tree;
}

/**
 * The signature is a body field: remove it, re-encode the rest as PHP's
 * `json_encode(json_decode($body, true), JSON_UNESCAPED_UNICODE)` does (see php-json.ts), and
 * compare `md5(base64(that) + key)`, lower-case hex. Hashing the body with the field still in
 * it, or un-escaping `\/` instead of escaping it, is what broken verifiers do.
 */
export const md5Base64PhpJson: WebhookAlgorithm = {
  signatureIn: "body",
  bodies: ["json"],
  takesClaims: false,
  malformed: (signature, declaration) =>
    HEX32.test(signature)
      ? undefined
      : `malformed signature: body field "${declaration.name}" is not 32 lower-case hex digits`,
  async verify({ body, signature, secret, declaration }) {
    if (body.kind !== "json") return reject(`the ${declaration.algorithm} signature needs a JSON body`);
    const signed = phpJsonEncode(withoutField(body.tree, declaration.name));
    if (signed === undefined) return reject("body cannot be re-encoded as PHP would (a number is out of range)");
    return sameText(md5Base64(signed, secret), signature)
      ? { ok: true }
      : reject("signature does not match the body (changed body or wrong key)");
  },
  async sign({ payload, secret, declaration }) {
    const tree = withoutField(jsonNodeOf(payload), declaration.name);
    const signed = phpJsonEncode(tree);
    if (signed === undefined || tree.kind !== "object")
      throw new TypeError("the payload must be a JSON object with finite numbers");
    const signature: JsonNode = { kind: "string", value: md5Base64(signed, secret) };
    // Sent as PHP sends it: the same encoding, with the signature appended last.
    return {
      body: phpJsonEncode({ kind: "object", entries: [...tree.entries, [declaration.name, signature]] })!,
      headers: {},
    };
  },
};
