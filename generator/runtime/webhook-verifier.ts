import { ConfigurationError } from "./errors.js";
import { getWebhookAlgorithm } from "./webhook-algorithms.js";
import { readHeader } from "./headers.js";
import { bodyKindOf, readBody, withTree } from "./webhook-body.js";
import { describeMatchFields, matchesWebhook } from "./webhook-match.js";
import {
  type ReadBody,
  reject,
  type WebhookHeaders,
  type WebhookRejection,
  type WebhookSignatureSpec,
  type WebhookSpec,
  type WebhookVerifierOptions,
} from "./webhook-types.js";

export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;

/** Largest notification a verifier reads (64 KiB) unless `maxBodyBytes` says otherwise: providers send a few KiB. */
export const DEFAULT_WEBHOOK_MAX_BODY_BYTES = 65_536; // a literal: bundlers keep `64 * 1024` even where it is unused

/** What a generated verifier's `verify` does; `R` is its generated result union. */
export interface WebhookVerifier<R> {
  verify(rawBody: string | Uint8Array, headers?: WebhookHeaders): Promise<R>;
}

/** A verified notification before the generated types narrow it. */
interface Verified {
  readonly ok: true;
  readonly name: string;
  /** The declared media type the body was read as (JSON or form-encoded). */
  readonly mediaType: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** A token's verified claims, for token algorithms. */
  readonly claims?: Readonly<Record<string, unknown>>;
}

/**
 * The keys given: each must be a non-empty string, and at least one must be given. A key left
 * out only matters when a notification it would verify arrives (it is then rejected, naming it).
 */
function readSecrets(provider: string, specs: readonly WebhookSpec[], options: object): ReadonlyMap<string, string> {
  const values = options as Readonly<Record<string, unknown>>;
  const names = [...new Set(specs.map((s) => s.signature.secret))];
  const secrets = new Map<string, string>();
  for (const name of names) {
    const value = values[name];
    if (value === undefined) continue;
    if (typeof value !== "string" || value.length === 0) {
      throw new ConfigurationError(provider, "createWebhookVerifier", `option "${name}" must be a non-empty string`);
    }
    secrets.set(name, value);
  }
  if (secrets.size === 0)
    throw new ConfigurationError(
      provider,
      "createWebhookVerifier",
      `give the key of the notifications to verify: ${names.map((n) => `"${n}"`).join(" or ")}`,
    );
  return secrets;
}

function signatureOf(
  declaration: WebhookSignatureSpec,
  body: ReadBody,
  headers: WebhookHeaders,
): { readonly ok: true; readonly value: string } | WebhookRejection {
  if (declaration.in === "header") {
    const value = readHeader(headers, declaration.name);
    if (value === undefined || value.length === 0) return reject(`missing signature: no ${declaration.name} header`);
    if (typeof value === "string") return { ok: true, value };
    return value.length === 1
      ? { ok: true, value: value[0]! }
      : reject(`malformed signature: more than one ${declaration.name} header`);
  }
  const value = body.value[declaration.name];
  if (value === undefined) return reject(`missing signature: no "${declaration.name}" field in the body`);
  if (typeof value !== "string" || value === "")
    return reject(`malformed signature: body field "${declaration.name}" is not a non-empty string`);
  return { ok: true, value };
}

/**
 * Builds `verify` from a spec's webhooks. It reads the body (UTF-8; JSON or form as declared),
 * finds the one webhook whose `match` the body satisfies, takes its signature from where the
 * spec says, and lets the named algorithm check it with that webhook's key. Every failure is
 * an `{ ok: false, reason }`; nothing secret is ever part of a reason.
 */
export function createWebhookVerifier<R>(
  provider: string,
  specs: readonly WebhookSpec[],
  options: WebhookVerifierOptions & object,
): WebhookVerifier<R> {
  const secrets = readSecrets(provider, specs, options);
  const clockToleranceSeconds = options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  if (!Number.isFinite(clockToleranceSeconds) || clockToleranceSeconds < 0) {
    throw new ConfigurationError(
      provider,
      "createWebhookVerifier",
      'option "clockToleranceSeconds" must be a number of seconds, 0 or more',
    );
  }
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_WEBHOOK_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new ConfigurationError(
      provider,
      "createWebhookVerifier",
      'option "maxBodyBytes" must be a positive whole number of bytes',
    );
  }
  const mediaTypes = [...new Set(specs.flatMap((s) => s.mediaTypes))];

  // Cheapest checks first: size, encoding, which webhook, where its signature is and whether it
  // looks right; only then the ordered parse and the algorithm, so a large unsigned body costs little.
  const verify = async (rawBody: unknown, headers: WebhookHeaders = {}): Promise<Verified | WebhookRejection> => {
    const contentType = readHeader(headers, "content-type");
    const read = readBody(
      rawBody,
      typeof contentType === "string" ? contentType : contentType?.[0],
      mediaTypes,
      maxBodyBytes,
    );
    if (!read.ok) return read;
    const spec = specs.find((s) => matchesWebhook(s, read.body));
    if (spec === undefined)
      return reject(`no webhook of this api matches the notification (${describeMatchFields(specs, read.body.value)})`);
    const secret = secrets.get(spec.signature.secret);
    if (secret === undefined)
      return reject(
        `cannot verify a "${spec.name}" notification: this verifier was created without the option "${spec.signature.secret}"`,
      );
    const signature = signatureOf(spec.signature, read.body, headers);
    if (!signature.ok) return signature;
    const algorithm = getWebhookAlgorithm(spec.signature.algorithm);
    const malformed = algorithm.malformed(signature.value, spec.signature);
    if (malformed !== undefined) return reject(malformed);
    const parsed = withTree(read.body);
    if (!parsed.ok) return parsed;
    const { body } = parsed;
    const verdict = await algorithm.verify({
      body,
      signature: signature.value,
      secret,
      declaration: spec.signature,
      clockToleranceSeconds,
    });
    if (!verdict.ok) return verdict;
    const mediaType = spec.mediaTypes.find((t) => bodyKindOf(t) === body.kind) ?? spec.mediaTypes[0]!;
    return {
      ok: true,
      name: spec.name,
      mediaType,
      payload: body.value,
      ...(verdict.claims === undefined ? {} : { claims: verdict.claims }),
    };
  };
  // The generated result type narrows `name` and `payload` from the spec, as invoke<R> does for responses.
  return { verify: (rawBody, headers) => verify(rawBody, headers ?? {}) as Promise<R> };
}
