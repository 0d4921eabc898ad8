import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCryptomusWebhookVerifier, isPayoutFailReason } from "../../generated/cryptomus/index.js";
import { jsonNodeOf } from "../../generator/runtime/ordered-json.js";
import { phpJsonEncode } from "../../generator/runtime/php-json.js";
import { buildWebhook, loadApiModel, sendWebhook } from "../../mock/dev/webhook-sender.js";
import {
  edit,
  expectDistinctReasons,
  notification,
  reasonOf,
  startEndpoint,
  trickyText,
  withCharReplaced,
} from "./support.js";

const model = await loadApiModel("cryptomus");
// The sender's default keys (the mocks' test secrets), which also signed the spec's examples.
const KEYS = { paymentKey: "test-paymentKey", payoutKey: "test-payoutKey" };
const verifier = createCryptomusWebhookVerifier(KEYS);
const JSON_HEADERS = { "content-type": "application/json" };

function example(webhook: string, name: string): Record<string, unknown> {
  return model.webhooks.find((w) => w.name === webhook)!.examples["application/json"]![name] as Record<string, unknown>;
}

/** A body as Cryptomus's PHP sends it: json_encode of the array, slashes escaped, unicode raw. */
function asPhpSends(payload: Record<string, unknown>): string {
  return phpJsonEncode(jsonNodeOf(payload))!;
}

describe("Cryptomus webhooks", () => {
  let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
  beforeAll(async () => {
    endpoint = await startEndpoint(verifier);
  });
  afterAll(() => endpoint.close());

  // Their `sign` values were computed by test/runtime/webhook-vectors.py, independently.
  it.each([
    ["payment", "paid"],
    ["payment", "walletTopUp"],
    ["payout", "paid"],
    ["payout", "documented"],
  ])("the spec's %s example %s verifies as PHP sends it, and with unescaped slashes", async (webhook, name) => {
    const payload = example(webhook, name);
    expect(await verifier.verify(asPhpSends(payload), JSON_HEADERS)).toEqual({
      ok: true,
      name: webhook,
      mediaType: "application/json",
      payload,
    });
    expect(await verifier.verify(JSON.stringify(payload), JSON_HEADERS)).toEqual({
      ok: true,
      name: webhook,
      mediaType: "application/json",
      payload,
    });
  });

  it("a genuine notification sent over HTTP is accepted, with its typed payload", async () => {
    const sent = await sendWebhook({ api: model, webhook: "payment", example: "walletTopUp", to: endpoint.url });
    expect(sent.status).toBe(200);
    const result = endpoint.results.at(-1)!;
    expect(result).toMatchObject({ ok: true, name: "payment" });
    // The same body through the generated types: `name` narrows the payload.
    const typed = await verifier.verify(sent.body, sent.headers);
    if (!typed.ok || typed.name !== "payment")
      throw new Error(`expected a payment notification, got ${JSON.stringify(typed)}`);
    expect(typed.payload.additional_data).toBe("https://shop.test/orders/42 — заказ №42");
    expect(typed.payload.type).toBe("wallet");
  });

  it("a tampered notification sent over HTTP gets a 400 with its reason", async () => {
    const built = await buildWebhook(model, "payout");
    const sent = await sendWebhook({
      api: model,
      webhook: "payout",
      to: endpoint.url,
      payload: { ...example("payout", "paid"), amount: "300.00000000" },
      secrets: { payoutKey: "not-the-key" },
    });
    expect(built.body).not.toBe(sent.body);
    expect(sent.status).toBe(400);
    expect(JSON.parse(sent.responseBody)).toEqual({
      refused: "signature does not match the body (changed body or wrong key)",
    });
  });

  it("a failed payout as newer editions of the page send it, with fail_reason, verifies and is typed", async () => {
    const payload = { ...example("payout", "paid"), status: "fail", is_final: true, fail_reason: "aml" };
    const built = await buildWebhook(model, "payout", { payload });
    const result = await verifier.verify(Buffer.from(built.body), built.headers);
    if (!result.ok || result.name !== "payout")
      throw new Error(`expected a payout notification, got ${JSON.stringify(result)}`);
    expect(result.payload).toEqual({ ...payload, sign: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(isPayoutFailReason(result.payload.fail_reason)).toBe(true);
  });

  it("rejects each kind of bad notification with its own reason, never showing a key", async () => {
    const genuine = asPhpSends(example("payment", "paid"));
    const without = (field: string) =>
      asPhpSends(Object.fromEntries(Object.entries(example("payment", "paid")).filter(([k]) => k !== field)));
    const reasons = {
      changedField: reasonOf(
        await verifier.verify(genuine.replace('"amount":"3.00000000"', '"amount":"4.00000000"'), JSON_HEADERS),
      ),
      missingSignature: reasonOf(await verifier.verify(without("sign"), JSON_HEADERS)),
      malformedSignature: reasonOf(
        await verifier.verify(genuine.replace(/"sign":"[0-9a-f]+"/, '"sign":"not-hex"'), JSON_HEADERS),
      ),
      nonJson: reasonOf(await verifier.verify("type=payment&sign=x", JSON_HEADERS)),
      emptyBody: reasonOf(await verifier.verify(Buffer.alloc(0), JSON_HEADERS)),
      unknownType: reasonOf(
        await verifier.verify(genuine.replace('"type":"payment"', '"type":"refund"'), JSON_HEADERS),
      ),
      notAnObject: reasonOf(await verifier.verify("[]", JSON_HEADERS)),
    };
    expect(reasons).toEqual({
      changedField: "signature does not match the body (changed body or wrong key)",
      missingSignature: 'missing signature: no "sign" field in the body',
      malformedSignature: 'malformed signature: body field "sign" is not 32 lower-case hex digits',
      nonJson: expect.stringMatching(/^body is not valid JSON \(/),
      emptyBody: "empty body",
      unknownType: 'no webhook of this api matches the notification (type: "refund")',
      notAnObject: "body is not a JSON object",
    });
    expectDistinctReasons(reasons, Object.values(KEYS));
    // A right body under the wrong key cannot be told from a changed body: an MD5 of either is just different.
    const wrongKey = createCryptomusWebhookVerifier({ paymentKey: "another-payment-key", payoutKey: KEYS.payoutKey });
    expect(reasonOf(await wrongKey.verify(genuine, JSON_HEADERS))).toBe(reasons.changedField);
    // The payout key does not verify a payment notification.
    const swapped = createCryptomusWebhookVerifier({ paymentKey: KEYS.payoutKey, payoutKey: KEYS.paymentKey });
    expect(reasonOf(await swapped.verify(genuine, JSON_HEADERS))).toBe(reasons.changedField);
  });

  const payment = notification(
    fc.record({
      type: fc.constantFrom("payment", "wallet"),
      uuid: fc.uuid(),
      order_id: trickyText,
      amount: fc.integer({ min: 0, max: 10_000_000 }).map((cents) => (cents / 100).toFixed(8)),
      additional_data: fc.option(trickyText, { nil: null }),
      convert: fc.record({ to_currency: fc.constantFrom("USDT", "BTC"), rate: trickyText }),
    }),
    ["sign"],
  );
  const payout = notification(
    fc.record({ type: fc.constant("payout"), uuid: fc.uuid(), txid: fc.option(trickyText, { nil: null }) }),
    ["sign"],
  );
  const anyNotification = fc.oneof(
    payment.map((p) => ["payment", p] as const),
    payout.map((p) => ["payout", p] as const),
  );

  it("property: whatever the test sender signs verifies, with the payload it sent", async () => {
    await fc.assert(
      fc.asyncProperty(anyNotification, async ([webhook, payload]) => {
        const built = await buildWebhook(model, webhook, { payload });
        const result = await verifier.verify(Buffer.from(built.body), built.headers);
        expect(result).toEqual({
          ok: true,
          name: webhook,
          mediaType: "application/json",
          payload: { ...payload, sign: expect.stringMatching(/^[0-9a-f]{32}$/) },
        });
      }),
    );
  });

  it("property: any one-character change of a signed notification is rejected", async () => {
    await fc.assert(
      fc.asyncProperty(anyNotification, edit, async ([webhook, payload], [at, ch]) => {
        const { body, headers } = await buildWebhook(model, webhook, { payload });
        const index = at % body.length;
        fc.pre(body[index] !== ch);
        const result = await verifier.verify(Buffer.from(withCharReplaced(body, index, ch)), headers);
        expect(result.ok, `accepted after changing offset ${index} of ${body} to ${JSON.stringify(ch)}`).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
