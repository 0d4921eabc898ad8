import type { HeaderSource } from "./headers.js";
import type { JsonNode } from "./ordered-json.js";

/** How a notification body is encoded. */
export type BodyKind = "json" | "form";

/** A value a `match` field may take: JSON scalars. */
export type MatchValue = string | number | boolean;

/** A token claim that must equal a body field (for token algorithms). */
export interface ClaimBinding {
  /** Top-level body field the claim must equal. */
  readonly field: string;
  /** A prefix either side may carry or not (e.g. an id written with and without "INV-"). */
  readonly optionalPrefix?: string;
  /**
   * Which claim values are in the field's form: only a string claim matching this regular
   * expression is compared (a provider may put another kind of id in the same claim).
   */
  readonly pattern?: string;
}

/** `x-webhook-signature` of a webhook in its spec, as the runtime reads it. */
export interface WebhookSignatureSpec {
  /** Name in the webhook-algorithm registry (webhook-algorithms.ts). */
  readonly algorithm: string;
  /** Verifier option holding the key. */
  readonly secret: string;
  /** Where the signature travels: a top-level body field or a header. */
  readonly in: "body" | "header";
  /** That field's or header's name. */
  readonly name: string;
  /** Which bodies are this webhook: top-level field → allowed values (all fields must match). */
  readonly match?: Readonly<Record<string, readonly MatchValue[]>>;
  /** Token claim → the body field it must equal. */
  readonly claims?: Readonly<Record<string, ClaimBinding>>;
}

/** One webhook of a spec: what a generated verifier hands the runtime. */
export interface WebhookSpec {
  /** The key under `webhooks:`; `name` of a verified notification. */
  readonly name: string;
  /** Declared request body media types (JSON and/or form-encoded). */
  readonly mediaTypes: readonly string[];
  readonly signature: WebhookSignatureSpec;
}

/** A decoded notification body before its signature is checked. `value` is the payload handed to the user. */
export type ReadBody =
  | { readonly kind: "json"; readonly text: string; readonly value: Readonly<Record<string, unknown>> }
  | { readonly kind: "form"; readonly text: string; readonly value: Readonly<Record<string, string>> };

/** A body ready for an algorithm: JSON bodies with their ordered tree (key order and number text as received). */
export type ParsedBody =
  | Exclude<ReadBody, { kind: "json" }>
  | (Extract<ReadBody, { kind: "json" }> & { readonly tree: JsonNode });

/** Why a notification was refused. The reason names what failed, never a secret. */
export interface WebhookRejection {
  readonly ok: false;
  readonly reason: string;
}

/** An algorithm's answer: genuine (with a token's verified claims, for token algorithms) or rejected. */
export type Verdict = { readonly ok: true; readonly claims?: Readonly<Record<string, unknown>> } | WebhookRejection;

/** Request headers as `fetch` (Headers) or `node:http` (IncomingHttpHeaders) give them. */
export type WebhookHeaders = HeaderSource;

/** Options every generated webhook verifier accepts besides its keys. */
export interface WebhookVerifierOptions {
  /** Leeway for token expiry (`exp`), in seconds, for clocks that disagree. Default 30. */
  readonly clockToleranceSeconds?: number;
  /** Largest body verified; a longer one is refused before anything is parsed. Default 64 KiB. */
  readonly maxBodyBytes?: number;
}

export interface AlgorithmVerifyInput {
  readonly body: ParsedBody;
  /** The signature as found (header value or body field), non-empty. */
  readonly signature: string;
  readonly secret: string;
  readonly declaration: WebhookSignatureSpec;
  readonly clockToleranceSeconds: number;
}

export interface AlgorithmSignInput {
  /** The notification without its signature. */
  readonly payload: Readonly<Record<string, unknown>>;
  readonly kind: BodyKind;
  readonly secret: string;
  readonly declaration: WebhookSignatureSpec;
  /** Issue time for tokens; a past time makes an expired token. */
  readonly now: Date;
}

/** A body ready to send and the headers the algorithm adds (the content type is added by the caller). */
export interface SignedNotification {
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** A webhook-signature algorithm: both sides, so test senders sign exactly as verifiers check. */
export interface WebhookAlgorithm {
  /** Where this algorithm's signature travels; `in` of the declaration must agree. */
  readonly signatureIn: "body" | "header";
  /** Body encodings it can verify. */
  readonly bodies: readonly BodyKind[];
  /** Whether the declaration may bind token claims to body fields. */
  readonly takesClaims: boolean;
  /** Why a signature is malformed, if it is: checked before the body is parsed in full, as it costs nothing. */
  malformed(signature: string, declaration: WebhookSignatureSpec): string | undefined;
  verify(input: AlgorithmVerifyInput): Promise<Verdict>;
  sign(input: AlgorithmSignInput): Promise<SignedNotification>;
}

export function reject(reason: string): WebhookRejection {
  return { ok: false, reason };
}
