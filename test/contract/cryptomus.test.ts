import { describe, expect, inject, it } from "vitest";
import {
  type CryptomusClient,
  createCryptomusClient,
  UnexpectedResponseError,
  ValidationError,
} from "../../generated/cryptomus/index.js";
import { cryptomusResponseValidators } from "../../generated/cryptomus/response-validators.gen.js";
import { apiNames } from "../../generator/emit/names.js";
import type { OperationModel } from "../../generator/model/types.js";
import { json, localServer } from "../helpers/local-server.js";
import { buildRequest, type LoadedApi, loadApis, responseValidators, send } from "../mock/support.js";

/**
 * What the generic contract suite (clients.test.ts) cannot know about Cryptomus: the limits of
 * its requests, the byte forms the official SDK sends, the two shapes of its 422 answers, and
 * which operations may be retried and which key signs each.
 */
const api = (await loadApis()).find((a): a is LoadedApi => a.name === "cryptomus")!;
const urls = inject("mockUrls");
const secrets = inject("mockSecrets");
const KEYS = {
  merchant: "8b03432e-385b-4670-8d06-064591096795",
  paymentKey: "payment-key-123",
  payoutKey: "payout-key-456",
};
const UUID = "8b03432e-385b-4670-8d06-064591096795";
const FAST_RETRY = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 };

function operation(id: string): OperationModel {
  const found = api.model.operations.find((op) => op.id === id);
  if (found === undefined) throw new Error(`the Cryptomus spec has no operation ${id}`);
  return found;
}

/** A client whose every request would be recorded: validation must refuse before any is made. */
function refusingClient(): { client: CryptomusClient; sent: unknown[] } {
  const sent: unknown[] = [];
  const fetchStub: typeof fetch = (input) => {
    sent.push(input);
    return Promise.reject(new Error("validation should have refused this request before sending it"));
  };
  return { client: createCryptomusClient({ ...KEYS, baseUrl: "http://127.0.0.1:9", fetch: fetchStub }), sent };
}

const invoice = { amount: "15", currency: "USD", order_id: "1" };
const testWebhook = {
  url_callback: "https://your.site/callback",
  currency: "ETH",
  network: "eth",
  status: "paid",
} as const;

describe("requests that break the contract are refused before sending", () => {
  it.each([
    {
      name: "an invoice without amount",
      // @ts-expect-error amount is required
      call: (c: CryptomusClient) => c.createPayment({ body: { currency: "USD", order_id: "1" } }),
      pointer: "/body/amount",
      message: "is required",
    },
    {
      name: "an invoice without a body",
      // @ts-expect-error the body is required
      call: (c: CryptomusClient) => c.createPayment({}),
      pointer: "/body",
      message: "is required",
    },
    {
      name: "an order_id of 129 characters",
      call: (c: CryptomusClient) => c.createPayment({ body: { ...invoice, order_id: "a".repeat(129) } }),
      pointer: "/body/order_id",
      message: "must have at most 128 characters (maxLength)",
    },
    {
      name: "an order_id with a space (alpha_dash)",
      call: (c: CryptomusClient) => c.createPayment({ body: { ...invoice, order_id: "order 42" } }),
      pointer: "/body/order_id",
      message: "must match the pattern",
    },
    {
      name: "a lifetime under 300 seconds",
      call: (c: CryptomusClient) => c.createPayment({ body: { ...invoice, lifetime: 299 } }),
      pointer: "/body/lifetime",
      message: "must be at least 300 (minimum)",
    },
    {
      name: "a lifetime over 43200 seconds",
      call: (c: CryptomusClient) => c.createPayment({ body: { ...invoice, lifetime: 43201 } }),
      pointer: "/body/lifetime",
      message: "must be at most 43200 (maximum)",
    },
    {
      name: "a lifetime string out of range",
      call: (c: CryptomusClient) => c.createPayment({ body: { ...invoice, lifetime: "43201" } }),
      pointer: "/body/lifetime",
      message: "must match the pattern",
    },
    {
      name: "an accuracy_payment_percent over 5",
      call: (c: CryptomusClient) => c.createPayment({ body: { ...invoice, accuracy_payment_percent: 5.5 } }),
      pointer: "/body/accuracy_payment_percent",
      message: "must be at most 5 (maximum)",
    },
    {
      name: "a discount_percent under -99",
      call: (c: CryptomusClient) => c.createPayment({ body: { ...invoice, discount_percent: -100 } }),
      pointer: "/body/discount_percent",
      message: "must be at least -99 (minimum)",
    },
    {
      name: "a url_callback that is not a URL",
      call: (c: CryptomusClient) => c.createPayment({ body: { ...invoice, url_callback: "callback" } }),
      pointer: "/body/url_callback",
      message: "must be a valid uri",
    },
    {
      name: "an amount with a comma",
      call: (c: CryptomusClient) => c.createPayment({ body: { ...invoice, amount: "10,28" } }),
      pointer: "/body/amount",
      message: "must match the pattern",
    },
    {
      name: "a field the page does not list",
      // @ts-expect-error not a field of the invoice
      call: (c: CryptomusClient) => c.createPayment({ body: { ...invoice, discount: "5" } }),
      pointer: "/body/discount",
      message: "is not a known property (additionalProperties: false)",
    },
    {
      name: "payment info with neither uuid nor order_id",
      // @ts-expect-error one of uuid, order_id is required
      call: (c: CryptomusClient) => c.getPaymentInfo({ body: {} }),
      pointer: "/body",
      message: "must match at least one of its anyOf schemas",
    },
    {
      name: "payment info by a uuid that is not one",
      call: (c: CryptomusClient) => c.getPaymentInfo({ body: { uuid: "8b03432e" } }),
      pointer: "/body/uuid",
      message: "must be a valid uuid",
    },
    {
      name: "a refund without is_subtract",
      call: (c: CryptomusClient) =>
        // @ts-expect-error is_subtract is required
        c.refundPayment({ body: { uuid: UUID, address: "TDD97yguPESTpcrJMqU6h2ozZbibv4Vaqm" } }),
      pointer: "/body/is_subtract",
      message: "is required",
    },
    {
      name: "a resend (v2) by a txid of 257 characters",
      call: (c: CryptomusClient) => c.resendPaymentWebhookV2({ body: { txid: "f".repeat(257) } }),
      pointer: "/body/txid",
      message: "must have at most 256 characters (maxLength)",
    },
    {
      name: "a test webhook to a url_callback of 151 characters",
      call: (c: CryptomusClient) =>
        c.sendTestPaymentWebhook({ body: { ...testWebhook, url_callback: `https://shop.test/${"a".repeat(133)}` } }),
      pointer: "/body/url_callback",
      message: "must have at most 150 characters (maxLength)",
    },
    {
      name: "a test payout webhook with a payment status",
      // @ts-expect-error paid_over is not a payout status
      call: (c: CryptomusClient) => c.sendTestPayoutWebhook({ body: { ...testWebhook, status: "paid_over" } }),
      pointer: "/body/status",
      message: "must be one of",
    },
    {
      name: "a static wallet with an order_id of 101 characters",
      call: (c: CryptomusClient) =>
        c.createStaticWallet({ body: { currency: "USDT", network: "tron", order_id: "w".repeat(101) } }),
      pointer: "/body/order_id",
      message: "must have at most 100 characters (maxLength)",
    },
    {
      name: "a blocked-address refund to an address of 9 characters",
      call: (c: CryptomusClient) => c.refundBlockedAddress({ body: { order_id: "1", address: "TK8bPzRvT" } }),
      pointer: "/body/address",
      message: "must have at least 10 characters (minLength)",
    },
    {
      name: "a blocked-address refund with an order_id of 33 characters",
      call: (c: CryptomusClient) =>
        c.refundBlockedAddress({ body: { order_id: "o".repeat(33), address: "TK8bPzRvT9tyhgkb3h9NV6PT4tyQrEGLcW" } }),
      pointer: "/body/order_id",
      message: "must have at most 32 characters (maxLength)",
    },
    {
      name: "a payout with an unknown priority",
      call: (c: CryptomusClient) =>
        c.createPayout({
          body: {
            amount: "5",
            currency: "USDT",
            order_id: "1",
            address: "TDD97yguPESTpcrJMqU6h2ozZbibv4Vaqm",
            is_subtract: true,
            // @ts-expect-error not a documented priority
            priority: "fast",
          },
        }),
      pointer: "/body/priority",
      message: "must be one of",
    },
    {
      name: "a payout with an order_id of 101 characters",
      call: (c: CryptomusClient) =>
        c.createPayout({
          body: {
            amount: "5",
            currency: "USDT",
            order_id: "p".repeat(101),
            address: "TDD97yguPESTpcrJMqU6h2ozZbibv4Vaqm",
            is_subtract: "1",
          },
        }),
      pointer: "/body/order_id",
      message: "must have at most 100 characters (maxLength)",
    },
    {
      name: "payout info by an order_id of 33 characters (creation allows 100)",
      call: (c: CryptomusClient) => c.getPayoutInfo({ body: { order_id: "p".repeat(33) } }),
      pointer: "/body/order_id",
      message: "must have at most 32 characters (maxLength)",
    },
  ])("$name → ValidationError naming the field and the rule, nothing sent", async ({ call, pointer, message }) => {
    const { client, sent } = refusingClient();
    const error = (await call(client).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toContainEqual({ pointer, message: expect.stringContaining(message) as unknown as string });
    expect(sent).toHaveLength(0);
  });

  it("the string forms the official SDK and the pages send pass the same checks", async () => {
    const server = await localServer(json(200, { state: 0, result: [] }));
    try {
      const client = createCryptomusClient({ ...KEYS, baseUrl: server.url });
      await client.refundPayment({
        body: { uuid: UUID, address: "TDD97yguPESTpcrJMqU6h2ozZbibv4Vaqm", is_subtract: "true" },
      });
      await client.createPayment({
        body: {
          ...invoice,
          lifetime: "7200",
          subtract: "100",
          accuracy_payment_percent: "2.5",
          discount_percent: "-5",
        },
      });
      expect(server.received.map((r) => JSON.parse(r.body) as unknown)).toEqual([
        { uuid: UUID, address: "TDD97yguPESTpcrJMqU6h2ozZbibv4Vaqm", is_subtract: "true" },
        { ...invoice, lifetime: "7200", subtract: "100", accuracy_payment_percent: "2.5", discount_percent: "-5" },
      ]);
    } finally {
      await server.close();
    }
  });
});

describe("what the official PHP SDK sends is accepted by the mock (signed exactly as sent)", () => {
  const url = urls.cryptomus!;
  const FILTER = '{"date_from":"2023-05-04 00:00:00","cursor":"1"}';

  it.each([
    ["listPayments", '{"cursor":"1"}'],
    ["listPayments", FILTER],
    ["listPayments", '{"cursor":"eyJpZCI6MjkxNTU0MywiX3BvaW50c1RvTmV4dEl0ZW1zIjp0cnVlfQ"}'],
    ["listPayments", "[]"],
    ["listPayments", "{}"],
    ["listPayouts", '{"cursor":"1"}'],
    ["listPayouts", FILTER],
    ["listPayouts", "[]"],
    ["getBalance", "[]"],
    ["getBalance", "{}"],
  ])("%s with the body %s → 200", async (id, body) => {
    const request = buildRequest(api, operation(id), url, secrets, { body });
    expect(request.body).toBe(body);
    const answer = await send(request);
    expect(answer.status).toBe(200);
    expect(responseValidators(api)(operation(id), "200")(answer.json)).toEqual([]);
  });

  it("getBalance without a body (the empty string signed) → 200", async () => {
    const answer = await send(buildRequest(api, operation("getBalance"), url, secrets, { body: undefined }));
    expect(answer.status).toBe(200);
  });

  // The same mock refuses what is neither form, so the acceptance above is not vacuous.
  it.each([
    ["listPayments", "[1]"],
    ["listPayments", '{"cursor":""}'],
    ["listPayments", '{"page":2}'],
    ["listPayments", '"1"'],
    ["listPayouts", '{"date_from":"04.05.2023","cursor":"1"}'],
    ["getBalance", '{"currency":"USDT"}'],
  ])("%s with the body %s → 422", async (id, body) => {
    const answer = await send(buildRequest(api, operation(id), url, secrets, { body }));
    expect(answer.status).toBe(422);
  });

  it("the cursor inside the body is covered by the signature: other bytes are refused", async () => {
    const signed = buildRequest(api, operation("listPayments"), url, secrets, { body: '{"cursor":"1"}' });
    const answer = await send({ ...signed, body: '{"cursor": "1"}' });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ message: "Invalid Sign." });
  });
});

describe("422 answers come in both shapes, for every operation", () => {
  const forms = {
    errors: { state: 1, errors: { uuid: ["validation.required_without"], order_id: ["validation.required_without"] } },
    message: { state: 1, message: "Payment not found" },
  };
  const validate = responseValidators(api);
  const operations = api.model.operations.map((op) => [op.id, op] as const);

  it("every operation documents a 422", () => {
    expect(
      api.model.operations.filter((op) => !op.responses.some((r) => r.status === "422")).map((op) => op.id),
    ).toEqual([]);
  });

  it.each(operations)(
    "%s: the spec's 422 schema accepts {state, errors} and {state, message}, not {state} alone",
    (_id, op) => {
      expect(validate(op, "422")(forms.errors)).toEqual([]);
      expect(validate(op, "422")(forms.message)).toEqual([]);
      expect(validate(op, "422")({ state: 1 })).not.toEqual([]);
      expect(validate(op, "422")({ state: 0, message: "Payment not found" })).not.toEqual([]);
    },
  );

  it.each(operations)("%s: the client delivers both as a typed 422, with response validation on", async (_id, op) => {
    const server = await localServer(json(422, forms.errors), json(422, forms.message));
    try {
      const client = createCryptomusClient({
        ...KEYS,
        baseUrl: server.url,
        validateResponses: cryptomusResponseValidators,
        validateRequests: false,
      });
      const method = (client as unknown as Record<string, (args: Record<string, unknown>) => Promise<unknown>>)[
        apiNames(api.model).client.operations.get(op.id)!.method
      ]!;
      for (const body of [forms.errors, forms.message]) {
        expect(await method({ body: {} })).toMatchObject({ ok: false, status: 422, error: body });
      }
    } finally {
      await server.close();
    }
  });
});

describe("retries and keys, as the spec declares them", () => {
  it("only reads and the operations the docs make safe to repeat are retried", () => {
    expect(
      api.model.operations
        .filter((op) => op.idempotent)
        .map((op) => op.id)
        .sort(),
    ).toEqual(
      [
        "createPayment",
        "createPayout",
        "getBalance",
        "getPaymentInfo",
        "getPayoutInfo",
        "listPayments",
        "listPayouts",
        "refundBlockedAddress",
      ].sort(),
    );
  });

  it("an invoice is retried after a 500, with the same order_id, and the invoice comes back", async () => {
    const created = Object.values(operation("createPayment").responses.find((r) => r.status === "200")!.examples)[0];
    const server = await localServer(
      json(500, { message: "Server error, #1", code: 500, error: null }),
      json(200, created),
    );
    try {
      const client = createCryptomusClient({ ...KEYS, baseUrl: server.url, retry: FAST_RETRY });
      expect(await client.createPayment({ body: invoice })).toMatchObject({ ok: true, status: 200, data: created });
      expect(server.received.map((r) => r.body)).toEqual([JSON.stringify(invoice), JSON.stringify(invoice)]);
    } finally {
      await server.close();
    }
  });

  it("a refund that meets a 500 is not repeated", async () => {
    const server = await localServer(
      json(500, { message: "Server error, #1", code: 500, error: null }),
      json(200, { state: 0, result: [] }),
    );
    try {
      const client = createCryptomusClient({ ...KEYS, baseUrl: server.url, retry: FAST_RETRY });
      const error = await client
        .refundPayment({ body: { uuid: UUID, address: "TDD97yguPESTpcrJMqU6h2ozZbibv4Vaqm", is_subtract: true } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnexpectedResponseError);
      expect(server.received).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it("each operation is signed with the key its page names (payout key for payouts and the payout test webhook)", () => {
    const keyOf = (op: OperationModel) =>
      op.security.map((alt) =>
        alt
          .filter((a) => a.kind === "signature")
          .map((a) => a.option)
          .join("+"),
      );
    expect(Object.fromEntries(api.model.operations.map((op) => [op.id, keyOf(op)]))).toEqual({
      createPayment: ["paymentKey"],
      getPaymentInfo: ["paymentKey"],
      listPayments: ["paymentKey"],
      refundPayment: ["paymentKey"],
      resendPaymentWebhook: ["paymentKey"],
      resendPaymentWebhookV2: ["paymentKey"],
      sendTestPaymentWebhook: ["paymentKey"],
      sendTestPayoutWebhook: ["payoutKey"],
      sendTestWalletWebhook: ["paymentKey"],
      createStaticWallet: ["paymentKey"],
      refundBlockedAddress: ["paymentKey"],
      createPayout: ["payoutKey"],
      getPayoutInfo: ["payoutKey"],
      listPayouts: ["payoutKey"],
      getBalance: ["paymentKey"],
    });
  });
});
