// What generated webhook verifiers import: kept out of index.ts, so a client of an api without
// signed webhooks does not load (or type-check) the verifiers, their algorithms and jose.
export {
  createWebhookVerifier,
  DEFAULT_CLOCK_TOLERANCE_SECONDS,
  DEFAULT_WEBHOOK_MAX_BODY_BYTES,
  type WebhookVerifier,
} from "./webhook-verifier.js";
export { readWebhookBody, type WebhookRequestStream } from "./webhook-request.js";
export type { WebhookHeaders, WebhookRejection, WebhookSpec, WebhookVerifierOptions } from "./webhook-types.js";
