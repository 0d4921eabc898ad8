import { describe, expect, it } from "vitest";
import {
  ConfigurationError,
  createCryptomusClient,
  createCryptomusWebhookVerifier,
  type RequestEvent,
  type ResponseEvent,
  UnexpectedResponseError,
} from "../../generated/cryptomus/index.js";
import { buildWebhook, loadApiModel } from "../../mock/dev/webhook-sender.js";
import { json, localServersPerTest } from "../helpers/local-server.js";

/**
 * What a developer sees of a call besides its result: every attempt through the hooks (never a
 * secret), the provider's request id on results and errors, the raw answer unread, and a client
 * that needs only the credentials of the operations it calls.
 */
const KEYS = {
  merchant: "merchant-5f2c9d1e",
  paymentKey: "PAYMENT-KEY-9f8e7d6c5b4a",
  payoutKey: "PAYOUT-KEY-1a2b3c4d5e6f",
};
const PAGE = {
  state: 0,
  result: { items: [], paginate: { count: 0, hasPages: false, nextCursor: null, previousCursor: null, perPage: 15 } },
};

const server = localServersPerTest();

describe("hooks see every attempt, and no secret", () => {
  it("a retried call: one request and one response event per attempt, in order, redacted", async () => {
    const s = await server(
      json(503, { message: "busy" }, { "x-request-id": "req-1" }),
      json(200, PAGE, { "x-request-id": "req-2" }),
    );
    const events: (["request", RequestEvent] | ["response", ResponseEvent])[] = [];
    const client = createCryptomusClient({
      ...KEYS,
      baseUrl: s.url,
      retry: { attempts: 2, baseDelayMs: 1 },
      hooks: { onRequest: (e) => events.push(["request", e]), onResponse: (e) => events.push(["response", e]) },
    });
    const result = await client.listPayments({ body: { date_from: "2023-05-04 00:00:00" } });
    expect(result.ok).toBe(true);
    expect(events.map(([kind, e]) => [kind, e.attempt])).toEqual([
      ["request", 1],
      ["response", 1],
      ["request", 2],
      ["response", 2],
    ]);
    const [, first] = events[1]! as ["response", ResponseEvent];
    expect(first).toMatchObject({
      provider: "cryptomus",
      operation: "listPayments",
      method: "POST",
      url: `${s.url}/v1/payment/list`,
      status: 503,
      requestId: "req-1",
      retrying: true,
    });
    expect(first.error).toBeInstanceOf(UnexpectedResponseError);
    expect(first.durationMs).toBeGreaterThanOrEqual(0);
    expect(events[3]![1]).toMatchObject({ status: 200, requestId: "req-2", retrying: false, error: undefined });
    const [, request] = events[0]! as ["request", RequestEvent];
    expect(request.headers).toMatchObject({
      merchant: "[redacted]",
      sign: "[redacted]",
      "content-type": "application/json",
    });
    const seen = JSON.stringify(events);
    for (const secret of [KEYS.paymentKey, KEYS.merchant, String(s.received[0]!.headers.sign)])
      expect(seen).not.toContain(secret);
  });

  it("a hook that throws does not break the call", async () => {
    const s = await server(json(200, PAGE));
    const client = createCryptomusClient({
      ...KEYS,
      baseUrl: s.url,
      hooks: {
        onRequest: () => {
          throw new Error("logger down");
        },
      },
    });
    expect((await client.listPayments()).ok).toBe(true);
  });
});

describe("request ids and the raw answer", () => {
  it("results carry the provider's request id, and their response unread", async () => {
    const s = await server(json(200, PAGE, { "cf-ray": "8f1e-AMS" }));
    const result = await createCryptomusClient({ ...KEYS, baseUrl: s.url }).listPayments();
    expect(result.requestId).toBe("8f1e-AMS");
    expect(Object.keys(result)).toEqual(["ok", "status", "data", "response", "requestId"]);
    // One copy, made when first read: reading its body spends it, as with any Response.
    expect(result.response).toBe(result.response);
    expect(result.response.bodyUsed).toBe(false);
    expect(JSON.parse(await result.response.text())).toEqual(PAGE);
    expect(result.response.bodyUsed).toBe(true);
    expect(result.response.headers.get("cf-ray")).toBe("8f1e-AMS");
  });

  it("thrown errors carry it too", async () => {
    const s = await server(json(418, { message: "teapot" }, { "x-request-id": "req-418" }));
    const error = await createCryptomusClient({ ...KEYS, baseUrl: s.url })
      .listPayments()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as UnexpectedResponseError).requestId).toBe("req-418");
  });
});

describe("credentials required where they are used", () => {
  it("with the payment key only: payments are listed and verified, a payout call names payoutKey before sending", async () => {
    const s = await server(json(200, PAGE));
    const client = createCryptomusClient({ merchant: KEYS.merchant, paymentKey: KEYS.paymentKey, baseUrl: s.url });
    expect((await client.listPayments()).ok).toBe(true);

    const verifier = createCryptomusWebhookVerifier({ paymentKey: KEYS.paymentKey });
    const payment = await buildWebhook(await loadApiModel("cryptomus"), "payment", {
      secrets: { paymentKey: KEYS.paymentKey },
    });
    expect(await verifier.verify(payment.body, payment.headers)).toMatchObject({ ok: true, name: "payment" });

    const sent = s.received.length;
    const error = await client.listPayouts().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain("payoutKey");
    expect(s.received.length).toBe(sent);
  });
});
