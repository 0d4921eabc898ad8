import { errors, jwtVerify, SignJWT } from "jose";
import { sameText } from "./constant-time.js";
import { type ClaimBinding, reject, type Verdict, type WebhookAlgorithm } from "./webhook-types.js";

/** How long a token the test sender issues stays valid. */
const SENT_TOKEN_LIFETIME_SECONDS = 300;
const SEGMENT = /^[A-Za-z0-9_-]+$/;

/**
 * A compact JWS of three base64url segments, each in its one canonical spelling. Decoders
 * ignore the spare bits of a segment's last character, so without this check four different
 * tokens would carry the same signature.
 */
function isCanonicalCompactJws(token: string): boolean {
  const segments = token.split(".");
  return (
    segments.length === 3 &&
    segments.every((s) => SEGMENT.test(s) && Buffer.from(s, "base64url").toString("base64url") === s)
  );
}

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** jose's error codes → reasons that say what failed and echo nothing of the token or key. */
function reasonFor(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "token expired";
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return "token signature does not match (wrong key or altered token)";
  if (error instanceof errors.JOSEAlgNotAllowed) return "token is not signed with HS256";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "nbf" && error.reason === "check_failed") return "token is not valid yet";
    return `token claim "${error.claim}" is ${error.reason === "missing" ? "missing" : "invalid"}`;
  }
  if (error instanceof errors.JOSEError) return `malformed token (${error.code})`;
  throw error;
}

function withoutPrefix(value: string, prefix: string | undefined): string {
  return prefix !== undefined && prefix !== "" && value.startsWith(prefix) ? value.slice(prefix.length) : value;
}

function checkBinding(
  claims: Readonly<Record<string, unknown>>,
  claim: string,
  binding: ClaimBinding,
  body: Readonly<Record<string, unknown>>,
): Verdict {
  const claimed = claims[claim];
  // A claim outside the field's form names something else (a provider's documented token may
  // carry a numeric id): it binds nothing, and reaches the caller with the other claims.
  if (binding.pattern !== undefined && !(typeof claimed === "string" && new RegExp(binding.pattern, "u").test(claimed)))
    return { ok: true };
  const field = body[binding.field];
  if (typeof field !== "string" && typeof field !== "number")
    return reject(`body field "${binding.field}", which the token is bound to, is missing`);
  if (typeof claimed !== "string" && typeof claimed !== "number")
    return reject(`token claim "${claim}" is not a string`);
  const same = sameText(
    withoutPrefix(String(claimed), binding.optionalPrefix),
    withoutPrefix(String(field), binding.optionalPrefix),
  );
  return same ? { ok: true } : reject(`token was issued for another ${binding.field}`);
}

/**
 * The signature is a JWT in a body field, HS256 with the secret, that must not be expired
 * (beyond the clock tolerance) and whose declared claims must equal body fields. Only those
 * fields are authenticated: the rest of the body is not covered by the token.
 */
export const jwtHs256: WebhookAlgorithm = {
  signatureIn: "body",
  bodies: ["json", "form"],
  takesClaims: true,
  malformed: (signature, declaration) =>
    isCanonicalCompactJws(signature)
      ? undefined
      : `malformed token: body field "${declaration.name}" is not a compact JWT`,
  async verify({ body, signature, secret, declaration, clockToleranceSeconds }) {
    const bindings = Object.entries(declaration.claims ?? {});
    let claims: Readonly<Record<string, unknown>>;
    try {
      ({ payload: claims } = await jwtVerify(signature, keyOf(secret), {
        algorithms: ["HS256"],
        requiredClaims: ["exp", ...bindings.map(([claim]) => claim)],
        clockTolerance: clockToleranceSeconds,
      }));
    } catch (error) {
      return reject(reasonFor(error));
    }
    for (const [claim, binding] of bindings) {
      const verdict = checkBinding(claims, claim, binding, body.value);
      if (!verdict.ok) return verdict;
    }
    return { ok: true, claims };
  },
  async sign({ payload, kind, secret, declaration, now }) {
    const claims = Object.fromEntries(
      Object.entries(declaration.claims ?? {}).map(([claim, binding]) => {
        const value = payload[binding.field];
        if (typeof value !== "string" && typeof value !== "number")
          throw new TypeError(`the payload needs the field "${binding.field}" the token is bound to`);
        return [claim, value];
      }),
    );
    const issuedAt = Math.floor(now.getTime() / 1000);
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setExpirationTime(issuedAt + SENT_TOKEN_LIFETIME_SECONDS)
      .sign(keyOf(secret));
    const full: Record<string, unknown> = { ...payload, [declaration.name]: token };
    if (kind === "json") return { body: JSON.stringify(full), headers: {} };
    const fields = Object.entries(full).map(([k, v]): [string, string] => [
      k,
      typeof v === "string" ? v : JSON.stringify(v),
    ]);
    return { body: new URLSearchParams(fields).toString(), headers: {} };
  },
};
