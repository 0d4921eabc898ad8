import fc from "fast-check";
import { describe, expect, expectTypeOf, inject, it } from "vitest";
import {
  createMoruneClient,
  type CustomFields,
  type GetInvoiceInfoArgs,
  type Invoice,
  type MoruneClient,
  ResponseValidationError,
  TimeoutError,
  TransportError,
  ValidationError,
} from "../../generated/morune/index.js";
import { moruneResponseValidators } from "../../generated/morune/response-validators.gen.js";
import { type Handler, json, localServersPerTest } from "../helpers/local-server.js";
import { callArgs, loadApis } from "../mock/support.js";

/**
 * What is specific to Morune, beyond the generic contract suite (clients.test.ts): requests
 * that break the spec are refused before anything is sent, each call carries the key of its
 * own principal (shop or user account), creating calls are never retried, custom_field comes
 * back in any JSON form, and random mock answers are realistic (calendar dates, no negative
 * money).
 */
const morune = (await loadApis()).find((api) => api.name === "morune")!;
const KEYS = { apiKey: "shop-secret-key", userKey: "user-secret-key" };
const SHOP = "79cf5d6e-c481-4349-84d0-c956b628d118";
const USER = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const FAST_RETRY = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 };
const mockUrl = inject("mockUrls").morune!;
const mockSecrets = inject("mockSecrets");

type Call = (client: MoruneClient) => Promise<unknown>;
/** A client method seen without its argument type, to send what TypeScript would refuse. */
type Untyped = (args: object) => Promise<unknown>;

/** Each operation called with its documented request example (test/mock/support.ts). */
const documented: Record<string, Call> = Object.fromEntries(
  morune.model.operations.map((op) => [
    op.id,
    (client: MoruneClient) => (client[op.id as keyof MoruneClient] as Untyped)(callArgs(morune, op)),
  ]),
);
const INVOICE_OPERATIONS = ["createInvoice", "getInvoiceInfo"];
const USER_OPERATIONS = ["createPayoff", "getPayoffInfo", "getUserBalance"];

const startServer = localServersPerTest();

async function serve(...handlers: Handler[]) {
  const server = await startServer(...handlers);
  return { server, client: createMoruneClient({ ...KEYS, baseUrl: server.url, retry: FAST_RETRY }) };
}

function firstSuccessExample(operationId: string): unknown {
  const op = morune.model.operations.find((o) => o.id === operationId)!;
  return Object.values(op.responses.find((r) => r.ok)!.examples)[0];
}

describe("Morune: requests that break the spec are refused before sending", () => {
  const invoice = { amount: 10, order_id: "1", shop_id: SHOP };
  const payoff = { user_id: USER, service: "card", amount: 100.05 };
  it("covers every operation", () => {
    expect(Object.keys(documented).sort()).toEqual([...INVOICE_OPERATIONS, ...USER_OPERATIONS].sort());
  });

  it.each<{ name: string; call: Call; pointer: string; message: string }>([
    {
      name: "payoff info with both id and order_id",
      call: (c) => c.getPayoffInfo({ query: { user_id: USER, id: USER, order_id: "1" } }),
      pointer: "/query",
      message: "needs exactly one of id, order_id (x-exactly-one-of)",
    },
    {
      name: "payoff info with neither id nor order_id",
      call: (c) => c.getPayoffInfo({ query: { user_id: USER } }),
      pointer: "/query",
      message: "needs exactly one of id, order_id (x-exactly-one-of)",
    },
    {
      name: "payoff info with an id that is not a uuid",
      call: (c) => c.getPayoffInfo({ query: { user_id: USER, id: "42" } }),
      pointer: "/query/id",
      message: "must be a valid uuid",
    },
    {
      name: "an invoice of amount 0",
      call: (c) => c.createInvoice({ body: { ...invoice, amount: 0 } }),
      pointer: "/body/amount",
      message: "must be greater than 0 (exclusiveMinimum)",
    },
    {
      name: "an invoice of a negative amount",
      call: (c) => c.createInvoice({ body: { ...invoice, amount: -10.28 } }),
      pointer: "/body/amount",
      message: "must be greater than 0 (exclusiveMinimum)",
    },
    {
      name: "an invoice without order_id",
      call: (c) => (c.createInvoice as Untyped)({ body: { amount: 10, shop_id: SHOP } }),
      pointer: "/body/order_id",
      message: "is required",
    },
    {
      name: "an invoice order_id longer than 255",
      call: (c) => c.createInvoice({ body: { ...invoice, order_id: "x".repeat(256) } }),
      pointer: "/body/order_id",
      message: "must have at most 255 characters (maxLength)",
    },
    {
      name: "custom_fields longer than 500",
      call: (c) => c.createInvoice({ body: { ...invoice, custom_fields: JSON.stringify({ note: "x".repeat(500) }) } }),
      pointer: "/body/custom_fields",
      message: "must have at most 500 characters (maxLength)",
    },
    {
      name: "custom_fields as an object, not JSON text",
      call: (c) => (c.createInvoice as Untyped)({ body: { ...invoice, custom_fields: { order: "74056" } } }),
      pointer: "/body/custom_fields",
      message: "must be",
    },
    {
      name: "a currency the page does not list",
      call: (c) => (c.createInvoice as Untyped)({ body: { ...invoice, currency: "KZT" } }),
      pointer: "/body/currency",
      message: "must be one of",
    },
    {
      name: "an invoice lifetime of 0 minutes",
      call: (c) => c.createInvoice({ body: { ...invoice, expire: 0 } }),
      pointer: "/body/expire",
      message: "must be at least 1 (minimum)",
    },
    {
      name: "a fractional invoice lifetime",
      call: (c) => c.createInvoice({ body: { ...invoice, expire: 300.05 } }),
      pointer: "/body/expire",
      message: "must be",
    },
    {
      name: "an invoice type the h2h page does not list",
      call: (c) => (c.createInvoice as Untyped)({ body: { ...invoice, type: "redirect" } }),
      pointer: "/body/type",
      message: "must be one of",
    },
    {
      name: "a hook_url longer than 500",
      call: (c) => c.createInvoice({ body: { ...invoice, hook_url: `https://shop.example/${"h".repeat(480)}` } }),
      pointer: "/body/hook_url",
      message: "must have at most 500 characters (maxLength)",
    },
    {
      name: "a payoff of amount 0",
      call: (c) => c.createPayoff({ body: { ...payoff, amount: 0 } }),
      pointer: "/body/amount",
      message: "must be greater than 0 (exclusiveMinimum)",
    },
    {
      name: "a payoff without service",
      call: (c) => (c.createPayoff as Untyped)({ body: { user_id: USER, amount: 1 } }),
      pointer: "/body/service",
      message: "is required",
    },
    {
      name: "a payoff subtract other than 1 or 2",
      call: (c) => (c.createPayoff as Untyped)({ body: { ...payoff, subtract: 3 } }),
      pointer: "/body/subtract",
      message: "must be one of",
    },
    {
      name: "a wallet_to longer than 255",
      call: (c) => c.createPayoff({ body: { ...payoff, wallet_to: "4".repeat(256) } }),
      pointer: "/body/wallet_to",
      message: "must have at most 255 characters (maxLength)",
    },
    {
      name: "a payoff user_id that is not a uuid",
      call: (c) => c.createPayoff({ body: { ...payoff, user_id: "me" } }),
      pointer: "/body/user_id",
      message: "must be a valid uuid",
    },
    {
      name: "a balance userId that is not a uuid",
      call: (c) => c.getUserBalance({ path: { userId: "me" } }),
      pointer: "/path/userId",
      message: "must be a valid uuid",
    },
  ])("$name → ValidationError naming the field and the rule, nothing sent", async ({ call, pointer, message }) => {
    const { server, client } = await serve(json(500, {}));
    const error = await call(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toContainEqual({
      pointer,
      message: expect.stringContaining(message) as unknown as string,
    });
    expect(server.received).toHaveLength(0);
  });

  it("the documented request examples themselves pass the checks and are sent", async () => {
    for (const [id, call] of Object.entries(documented)) {
      const { server, client } = await serve(json(200, firstSuccessExample(id)));
      expect(await call(client), id).toMatchObject({ ok: true, status: 200 });
      expect(server.received, id).toHaveLength(1);
    }
  });
});

describe("Morune: shop_id and user_id come from the client options, a call's own value wins", () => {
  const OTHER = "0b9d6a3e-1c2f-4e5a-8b7c-6d5e4f3a2b1c";
  const withIds = async (...handlers: Handler[]) => {
    const server = await startServer(...handlers);
    return {
      server,
      client: createMoruneClient({ ...KEYS, shopId: SHOP, userId: USER, baseUrl: server.url, retry: false }),
    };
  };
  const sentShop = (r: { url: string; body: string }) =>
    new URL(r.url, "http://x").searchParams.get("shop_id") ??
    (JSON.parse(r.body || "{}") as { shop_id?: string }).shop_id;
  const sentUser = (r: { url: string; body: string }) =>
    /\/account\/users\/([^/]+)\/balance/.exec(r.url)?.[1] ??
    new URL(r.url, "http://x").searchParams.get("user_id") ??
    (JSON.parse(r.body || "{}") as { user_id?: string }).user_id;

  it("shopId fills shop_id of both invoice calls; a per-call shop_id wins", async () => {
    const { server, client } = await withIds(
      json(200, firstSuccessExample("createInvoice")),
      json(200, firstSuccessExample("getInvoiceInfo")),
    );
    await client.createInvoice({ body: { amount: 10, order_id: "1" } });
    await client.getInvoiceInfo({ query: { order_id: "1" } });
    await client.createInvoice({ body: { amount: 10, order_id: "2", shop_id: OTHER } });
    await client.getInvoiceInfo({ query: { order_id: "2", shop_id: OTHER } });
    expect(server.received.map(sentShop)).toEqual([SHOP, SHOP, OTHER, OTHER]);
  });

  it("userId fills user_id of the payoff calls and the balance path; a per-call value wins", async () => {
    const { server, client } = await withIds(
      json(200, firstSuccessExample("createPayoff")),
      json(200, firstSuccessExample("getPayoffInfo")),
      json(200, firstSuccessExample("getUserBalance")),
    );
    await client.createPayoff({ body: { service: "card", amount: 1 } });
    await client.getPayoffInfo({ query: { order_id: "1" } });
    await client.getUserBalance();
    await client.createPayoff({ body: { service: "card", amount: 1, user_id: OTHER } });
    await client.getPayoffInfo({ query: { order_id: "1", user_id: OTHER } });
    await client.getUserBalance({ path: { userId: OTHER } });
    expect(server.received.map(sentUser)).toEqual([USER, USER, USER, OTHER, OTHER, OTHER]);
  });

  it.each<[string, Call, string, string]>([
    ["createInvoice", (c) => c.createInvoice({ body: { amount: 10, order_id: "1" } }), "/body/shop_id", "shopId"],
    ["getInvoiceInfo", (c) => c.getInvoiceInfo({ query: { order_id: "1" } }), "/query/shop_id", "shopId"],
    ["createPayoff", (c) => c.createPayoff({ body: { service: "card", amount: 1 } }), "/body/user_id", "userId"],
    ["getPayoffInfo", (c) => c.getPayoffInfo({ query: { order_id: "1" } }), "/query/user_id", "userId"],
    ["getUserBalance", (c) => c.getUserBalance(), "/path/userId", "userId"],
  ])(
    "%s with neither the option nor the field → ValidationError naming the option, nothing sent",
    async (_id, call, pointer, option) => {
      const { server, client } = await serve(json(500, {}));
      const error = await call(client).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toContainEqual({
        pointer,
        message: `is required (pass it, or set the client option ${option})`,
      });
      expect(server.received).toHaveLength(0);
    },
  );

  it("against the mock: calls without ids, from a client with shopId and userId, pass Prism's validation", async () => {
    const client = createMoruneClient({
      apiKey: mockSecrets.apiKey!,
      userKey: mockSecrets.userKey!,
      shopId: SHOP,
      userId: USER,
      baseUrl: mockUrl,
      retry: false,
    });
    const results = [
      await client.createInvoice({ body: { amount: 10, order_id: "1" } }),
      await client.getInvoiceInfo({ query: { order_id: "1" } }),
      await client.createPayoff({ body: { service: "card", amount: 1 } }),
      await client.getPayoffInfo({ query: { id: OTHER } }),
      await client.getUserBalance(),
    ];
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });
});

describe("Morune: each call carries the key of its own principal", () => {
  it.each([
    ...INVOICE_OPERATIONS.map((id) => [id, "x-api-key", KEYS.apiKey, "x-api-signature-sha256"] as const),
    ...USER_OPERATIONS.map((id) => [id, "x-api-signature-sha256", KEYS.userKey, "x-api-key"] as const),
  ])("%s sends %s with its key, and not the other header", async (id, header, key, other) => {
    const { server, client } = await serve(json(200, firstSuccessExample(id)));
    await documented[id]!(client);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]!.headers[header]).toBe(key);
    expect(server.received[0]!.headers[other]).toBeUndefined();
  });

  it("the balance path carries the userId, the payoff calls user_id", async () => {
    const { server, client } = await serve(
      json(200, firstSuccessExample("getUserBalance")),
      json(200, firstSuccessExample("getPayoffInfo")),
      json(200, firstSuccessExample("createPayoff")),
    );
    await client.getUserBalance({ path: { userId: USER } });
    await client.getPayoffInfo({ query: { user_id: USER, order_id: "order/42" } });
    await client.createPayoff({ body: { user_id: USER, service: "card", amount: 1 } });
    expect(server.received.map((r) => [r.method, r.url])).toEqual([
      ["GET", `/account/users/${USER}/balance`],
      ["GET", `/payoff/info?user_id=${USER}&order_id=order%2F42`],
      ["POST", "/payoff/create"],
    ]);
    expect(JSON.parse(server.received[2]!.body)).toEqual({ user_id: USER, service: "card", amount: 1 });
  });
});

describe("Morune: creating calls are never retried; reads are", () => {
  const hang: Handler = () => undefined;
  const reset: Handler = (_req, _res, socket) => {
    socket.destroy();
  };

  it.each(["createInvoice", "createPayoff"])("%s: a documented 500 is returned after one attempt", async (id) => {
    const { server, client } = await serve(
      json(500, { data: null, error: "Внутренняя ошибка системы", status: 500, status_check: false }),
    );
    expect(await documented[id]!(client)).toMatchObject({ ok: false, status: 500 });
    expect(server.received).toHaveLength(1);
  });

  it.each(["createInvoice", "createPayoff"])(
    "%s: a reset connection is a TransportError after one attempt",
    async (id) => {
      const { server, client } = await serve(reset);
      expect(await documented[id]!(client).catch((e: unknown) => e)).toBeInstanceOf(TransportError);
      expect(server.received).toHaveLength(1);
    },
  );

  it("createPayoff: a timeout is a TimeoutError after one attempt", async () => {
    const { server, client } = await serve(hang);
    const error = await client
      .createPayoff({ body: { user_id: USER, service: "card", amount: 1, order_id: "p-1" }, timeoutMs: 100 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.received).toHaveLength(1);
  });

  it.each(["getInvoiceInfo", "getPayoffInfo", "getUserBalance"])(
    "%s: a 500 is retried up to the configured attempts",
    async (id) => {
      const { server, client } = await serve(
        json(500, { data: null, error: "Внутренняя ошибка системы", status: 500, status_check: false }),
      );
      expect(await documented[id]!(client)).toMatchObject({ ok: false, status: 500 });
      expect(server.received).toHaveLength(FAST_RETRY.attempts);
    },
  );
});

describe("Morune: custom_field is typed as the provider sends it back", () => {
  const query: GetInvoiceInfoArgs["query"] = { shop_id: SHOP, order_id: "1" };
  const answer = (customField: unknown) => {
    const body = firstSuccessExample("getInvoiceInfo") as { data: Record<string, unknown> };
    return { ...body, data: { ...body.data, custom_field: customField } };
  };

  it.each([
    ["an object with a number, as in the notifications", { user: 1 }],
    ["an object of strings, as on the seed page", { paymentId: "123" }],
    ["an array of mixed values", ["a", 2, { b: true }]],
    ["the JSON text as passed", '{"order": "74056"}'],
    ["a number decoded from the text passed", 74056],
    ["null when nothing was passed", null],
  ])("%s is accepted by response validation", async (_name, customField) => {
    const { server } = await serve(json(200, answer(customField)));
    const strict = createMoruneClient({ ...KEYS, baseUrl: server.url, validateResponses: moruneResponseValidators });
    const result = await strict.getInvoiceInfo({ query });
    expect(result).toMatchObject({ ok: true, data: { data: { custom_field: customField } } });
  });

  it("a body missing custom_field is still refused by response validation (the check is live)", async () => {
    const { data, ...envelope } = answer(null);
    const { custom_field: _dropped, ...withoutField } = data;
    const { server } = await serve(json(200, { ...envelope, data: withoutField }));
    const strict = createMoruneClient({ ...KEYS, baseUrl: server.url, validateResponses: moruneResponseValidators });
    const error = await strict.getInvoiceInfo({ query }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues).toContainEqual({
      pointer: "/data/custom_field",
      message: "is required",
    });
  });

  it("the type admits every JSON value, and the request field is JSON text", () => {
    expectTypeOf<{ user: number }>().toMatchTypeOf<CustomFields>();
    expectTypeOf<Invoice["custom_field"]>().toEqualTypeOf<CustomFields>();
    expectTypeOf<Parameters<MoruneClient["createInvoice"]>[0]["body"]["custom_fields"]>().toEqualTypeOf<
      string | null | undefined
    >();
  });
});

/** Whether y-m-d h:m[:s] is a real calendar date and time of day (the oracle is Date in UTC). */
function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (m === null) return false;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? "0")) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second);
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

describe("Morune: random mock answers are realistic", () => {
  const { pattern } = morune.model.componentSchemas.MoruneDate as { pattern: string };
  const moruneDate = new RegExp(pattern, "u");
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");

  it.each([
    ["2024-02-29 23:59:59", true],
    ["2000-02-29 00:00", true],
    ["2023-02-29 10:00:00", false],
    ["1900-02-29 10:00:00", false],
    ["2023-04-31 10:00:00", false],
    ["2023-13-01 10:00:00", false],
    ["2023-12-31 24:00:00", false],
    ["2017-07-21 10:00", true],
    ["2017-07-21T10:00:00", false],
  ])("MoruneDate %s → %s", (text, valid) => {
    expect(moruneDate.test(text)).toBe(valid);
    expect(isCalendarDate(text)).toBe(valid);
  });

  it("property: MoruneDate admits exactly the calendar dates and times of day", () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.integer({ min: 0, max: 9999 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 32 }),
          fc.integer({ min: 0, max: 25 }),
          fc.integer({ min: 0, max: 60 }),
          fc.option(fc.integer({ min: 0, max: 60 })),
        ),
        ([y, mo, d, h, mi, s]) => {
          const text = `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}${s === null ? "" : `:${pad(s)}`}`;
          expect(moruneDate.test(text), text).toBe(isCalendarDate(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  const dynamic = { prefer: "dynamic=true" };
  const money = (...values: unknown[]) => values.filter((v) => v !== null && v !== undefined).map(Number);

  it("20 dynamic answers of each operation: dates are calendar dates, money is never negative", async () => {
    const client = createMoruneClient({
      apiKey: mockSecrets.apiKey!,
      userKey: mockSecrets.userKey!,
      baseUrl: mockUrl,
      retry: false,
    });
    for (let i = 0; i < 20; i++) {
      const created = await client.createInvoice({
        body: { amount: 10, order_id: "1", shop_id: SHOP },
        headers: dynamic,
      });
      const info = await client.getInvoiceInfo({ query: { shop_id: SHOP, order_id: "1" }, headers: dynamic });
      const payoff = await client.createPayoff({
        body: { user_id: USER, service: "card", amount: 1 },
        headers: dynamic,
      });
      const payoffInfo = await client.getPayoffInfo({ query: { user_id: USER, order_id: "1" }, headers: dynamic });
      const balance = await client.getUserBalance({ path: { userId: USER }, headers: dynamic });
      if (!created.ok || !info.ok || !payoff.ok || !payoffInfo.ok || !balance.ok)
        throw new Error("a dynamic answer was not a success");
      const invoice = info.data.data;
      const paid = payoffInfo.data.data;
      const dates = [created.data.data.expired, invoice.created_at, invoice.expired_at, invoice.paid_at].filter(
        (d): d is string => d !== null,
      );
      for (const date of dates) expect(isCalendarDate(date), date).toBe(true);
      for (const date of [paid.created_at, paid.paid_at].filter((d): d is string => d !== null && d !== undefined)) {
        expect(isCalendarDate(date) || !Number.isNaN(Date.parse(date)), date).toBe(true);
      }
      const amounts = money(
        created.data.data.amount,
        invoice.invoice_amount,
        invoice.credited,
        invoice.commission_amount,
        invoice.commission_percent,
        invoice.shop_commission_amount,
        invoice.user_commission_amount,
        payoff.data.data.amount_withdraw_rub,
        payoff.data.data.balance,
        paid.amount,
        paid.amount_withdraw_rub,
        paid.commission_rub,
        paid.amount_receive,
        balance.data.data.balance,
        balance.data.data.active_balance,
        balance.data.data.freeze_balance,
      );
      for (const amount of amounts) expect(amount).toBeGreaterThanOrEqual(0);
    }
  }, 60_000);
});
