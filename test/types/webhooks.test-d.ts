import type { IncomingHttpHeaders } from "node:http";
import { describe, expectTypeOf, it } from "vitest";
import { createCryptoCloudWebhookVerifier, type PostbackWebhookPayload } from "../../generated/cryptocloud/index.js";
import {
  createCryptomusWebhookVerifier,
  type CryptomusWebhookResult,
  type PaymentWebhookPayload,
  type PayoutWebhookPayload,
  type WebhookRejection,
} from "../../generated/cryptomus/index.js";
import { createMoruneWebhookVerifier, type InvoiceWebhookPayload } from "../../generated/morune/index.js";

/** True when `T` is `any`. */
type IsAny<T> = 0 extends 1 & T ? true : false;

const cryptomus = createCryptomusWebhookVerifier({ paymentKey: "p", payoutKey: "q" });
const cloud = createCryptoCloudWebhookVerifier({ secretKey: "s" });
const morune = createMoruneWebhookVerifier({ additionalKey: "a" });

describe("verifier factories take the keys the spec's x-webhook-signature names", () => {
  it("requires the keys every webhook needs, and knows no other option", () => {
    // Only payment notifications to verify: no payout key.
    createCryptomusWebhookVerifier({ paymentKey: "p" });
    // @ts-expect-error secretKey is missing
    createCryptoCloudWebhookVerifier({});
    // @ts-expect-error the API key is not the additional key
    createMoruneWebhookVerifier({ apiKey: "k" });
    // @ts-expect-error a key is a string
    createMoruneWebhookVerifier({ additionalKey: 1 });
    createCryptoCloudWebhookVerifier({ secretKey: "s", clockToleranceSeconds: 5 });
  });
});

describe("verify takes what node:http and fetch give", () => {
  it("a raw body as text or bytes, headers as IncomingHttpHeaders or Headers", () => {
    const headers: IncomingHttpHeaders = {};
    void cryptomus.verify(Buffer.from("{}"), headers);
    void cloud.verify("{}", new Headers());
    void morune.verify(new Uint8Array(), { "x-api-sha256-signature": ["a"] });
    // @ts-expect-error a parsed body is not the raw body
    void morune.verify({}, headers);
  });
});

describe("a verified notification is told apart by name, with its spec-typed payload", () => {
  it("Cryptomus: payment or payout", async () => {
    const result = await cryptomus.verify("", {});
    expectTypeOf(result).toEqualTypeOf<CryptomusWebhookResult>();
    if (!result.ok) {
      expectTypeOf(result).toEqualTypeOf<WebhookRejection>();
      expectTypeOf(result.reason).toEqualTypeOf<string>();
      return;
    }
    expectTypeOf(result.name).toEqualTypeOf<"payment" | "payout">();
    if (result.name === "payment") {
      expectTypeOf(result.payload).toEqualTypeOf<PaymentWebhookPayload>();
      expectTypeOf(result.payload.is_final).toEqualTypeOf<boolean>();
      expectTypeOf(result.payload.additional_data).toEqualTypeOf<string | null>();
      expectTypeOf(result.payload.txid).toEqualTypeOf<string | null | undefined>();
    } else {
      expectTypeOf(result.payload).toEqualTypeOf<PayoutWebhookPayload>();
      expectTypeOf(result.payload.type).toEqualTypeOf<"payout">();
      // @ts-expect-error payouts have no wallet
      void result.payload.wallet_address_uuid;
    }
  });

  it("CryptoCloud: the postback as JSON or form", async () => {
    const result = await cloud.verify("", {});
    if (!result.ok) return;
    expectTypeOf(result.name).toEqualTypeOf<"postback">();
    expectTypeOf(result.payload).toEqualTypeOf<PostbackWebhookPayload>();
    expectTypeOf(result.payload.invoice_id).toEqualTypeOf<string>();
    expectTypeOf(result.payload.amount_crypto).toEqualTypeOf<number | string>();
    // mediaType tells the two encodings apart: a form carries text only.
    if (result.mediaType === "application/json") expectTypeOf(result.payload.amount_crypto).toEqualTypeOf<number>();
    else expectTypeOf(result.payload.amount_crypto).toEqualTypeOf<string>();
  });

  it("Morune: the invoice notification", async () => {
    const result = await morune.verify("", {});
    if (!result.ok) return;
    expectTypeOf(result.payload).toEqualTypeOf<InvoiceWebhookPayload>();
    expectTypeOf(result.payload.type).toEqualTypeOf<1 | 2>();
    expectTypeOf(result.payload.amount).toEqualTypeOf<string>();
  });

  it("no payload hides an any", () => {
    expectTypeOf<IsAny<PaymentWebhookPayload[keyof PaymentWebhookPayload]>>().toEqualTypeOf<false>();
    expectTypeOf<IsAny<PostbackWebhookPayload[keyof PostbackWebhookPayload]>>().toEqualTypeOf<false>();
    expectTypeOf<IsAny<InvoiceWebhookPayload[keyof InvoiceWebhookPayload]>>().toEqualTypeOf<false>();
  });
});
