import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apiNames } from "../../generator/emit/names.js";
import {
  ConfigurationError,
  createCryptoCloudClient,
  type CryptoCloudClient,
  TransportError,
  UnexpectedResponseError,
  ValidationError,
} from "../../generated/cryptocloud/index.js";
import { type Handler, json, localServersPerTest } from "../helpers/local-server.js";
import { callArgs, loadApis } from "../mock/support.js";

/**
 * What is specific to CryptoCloud, against a local server (the generic suite in clients.test.ts
 * drives every operation against Prism): requests that break the spec are refused before
 * anything is sent, the withdrawal goes out with its own key, writes are never retried, and
 * the spec's date pattern admits calendar dates only.
 */
const api = (await loadApis()).find((a) => a.name === "cryptocloud")!;
const KEYS = { apiKey: "PROJECT-KEY-4f1e2d3c", withdrawalKey: "WITHDRAWAL-KEY-9a8b7c6d" };
const FAST_RETRY = { attempts: 5, baseDelayMs: 1, maxDelayMs: 2 };

type Method = (
  args?: object,
) => Promise<{ ok: boolean; status: number; data?: unknown; error?: unknown; response: Response }>;

/** An operation's method, typed loosely so a test can send what the generated types forbid. */
function method(client: CryptoCloudClient, operationId: string): Method {
  const name = apiNames(api.model).client.operations.get(operationId)!.method;
  return (client as unknown as Record<string, Method>)[name]!;
}

function operation(operationId: string) {
  const found = api.model.operations.find((op) => op.id === operationId);
  if (found === undefined) throw new Error(`the spec has no operation ${operationId}`);
  return found;
}

/** The first documented example of an operation's success answer. */
function successExample(operationId: string): unknown {
  return Object.values(operation(operationId).responses.find((r) => r.ok)!.examples)[0];
}

/** Answers each operation's path with its documented success example. */
const documented: Handler = (req, res, socket) => {
  const op = api.model.operations.find((o) => o.path === new URL(req.url, "http://x").pathname);
  return json(op === undefined ? 404 : 200, op === undefined ? {} : successExample(op.id))(req, res, socket);
};

const server = localServersPerTest();

describe("CryptoCloud: requests that break the spec are refused before sending", () => {
  const shop = "xBAivfPIbskwuEWj";
  const cases: readonly { name: string; operation: string; args: object; pointer: string; message: string }[] = [
    {
      name: "an invoice without amount",
      operation: "createInvoice",
      args: { body: { shop_id: shop } },
      pointer: "/body/amount",
      message: "is required",
    },
    {
      name: "an amount of 0",
      operation: "createInvoice",
      args: { body: { shop_id: shop, amount: 0 } },
      pointer: "/body/amount",
      message: "must match at least one of its anyOf schemas",
    },
    {
      name: "an amount that is not a number",
      operation: "createInvoice",
      args: { body: { shop_id: shop, amount: "1,5" } },
      pointer: "/body/amount",
      message: "must match at least one of its anyOf schemas",
    },
    {
      name: "a currency off the fiat list",
      operation: "createInvoice",
      args: { body: { shop_id: shop, amount: 1, currency: "BTC" } },
      pointer: "/body/currency",
      message: "must be one of",
    },
    {
      name: "an undocumented body field",
      operation: "createInvoice",
      args: { body: { shop_id: shop, amount: 1, callback_url: "https://x.test" } },
      pointer: "/body/callback_url",
      message: "is not a known property (additionalProperties: false)",
    },
    {
      name: "a malformed e-mail",
      operation: "createInvoice",
      args: { body: { shop_id: shop, amount: 1, email: "payer at example.test" } },
      pointer: "/body/email",
      message: "must be a valid email",
    },
    {
      name: "a period off the list",
      operation: "createInvoice",
      args: { body: { shop_id: shop, amount: 1, add_fields: { period: "year" } } },
      pointer: "/body/add_fields/period",
      message: "must be one of",
    },
    {
      name: "a negative lifetime",
      operation: "createInvoice",
      args: { body: { shop_id: shop, amount: 1, add_fields: { time_to_pay: { hours: -1 } } } },
      pointer: "/body/add_fields/time_to_pay/hours",
      message: "(minimum)",
    },
    {
      name: "an undocumented locale",
      operation: "createInvoice",
      args: { query: { locale: "de" }, body: { shop_id: shop, amount: 1 } },
      pointer: "/query/locale",
      message: "must be one of",
    },
    {
      name: "a cancellation without uuid",
      operation: "cancelInvoice",
      args: { body: {} },
      pointer: "/body/uuid",
      message: "is required",
    },
    {
      name: "an invoice id that is only the prefix",
      operation: "cancelInvoice",
      args: { body: { uuid: "INV-" } },
      pointer: "/body/uuid",
      message: "must match the pattern",
    },
    {
      name: "a list start in ISO form",
      operation: "listInvoices",
      args: { body: { start: "2024-01-01", end: "31.01.2024" } },
      pointer: "/body/start",
      message: "must match the pattern",
    },
    {
      name: "a list end in month 13",
      operation: "listInvoices",
      args: { body: { start: "01.01.2024", end: "01.13.2024" } },
      pointer: "/body/end",
      message: "must match the pattern",
    },
    {
      name: "a negative offset",
      operation: "listInvoices",
      args: { body: { start: "01.01.2024", end: "31.01.2024", offset: -1 } },
      pointer: "/body/offset",
      message: "(minimum)",
    },
    {
      name: "statistics without end",
      operation: "getStatistics",
      args: { body: { start: "01.01.2023" } },
      pointer: "/body/end",
      message: "is required",
    },
    {
      name: "a static wallet without identify",
      operation: "createStaticWallet",
      args: { body: { shop_id: shop, currency: "BTC" } },
      pointer: "/body/identify",
      message: "is required",
    },
    {
      name: "a withdrawal of 0",
      operation: "createWithdrawal",
      args: { body: { currency_code: "BTC", to_address: "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", amount: 0 } },
      pointer: "/body/amount",
      message: "(exclusiveMinimum)",
    },
    {
      name: "a withdrawal without address",
      operation: "createWithdrawal",
      args: { body: { currency_code: "BTC", amount: 0.05 } },
      pointer: "/body/to_address",
      message: "is required",
    },
    {
      name: "a withdrawal with an undocumented order_id",
      operation: "createWithdrawal",
      args: {
        body: { currency_code: "BTC", to_address: "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", amount: 0.05, order_id: "o-1" },
      },
      pointer: "/body/order_id",
      message: "is not a known property (additionalProperties: false)",
    },
  ];

  it.each(cases)("$operation: $name", async ({ operation: id, args, pointer, message }) => {
    const local = await server(json(500, {}));
    const client = createCryptoCloudClient({ ...KEYS, baseUrl: local.url });
    const error = await method(client, id)(args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.find((issue) => issue.pointer === pointer)?.message, JSON.stringify(issues)).toContain(message);
    expect(local.received).toHaveLength(0);
  });

  it("every documented request example passes the same checks (so the refusals above are about the broken field)", async () => {
    const local = await server(documented);
    const client = createCryptoCloudClient({ ...KEYS, baseUrl: local.url });
    for (const op of api.model.operations)
      await expect(method(client, op.id)(callArgs(api, op))).resolves.toMatchObject({ ok: true });
    expect(local.received).toHaveLength(api.model.operations.length);
  });
});

describe("CryptoCloud: two keys", () => {
  it("the withdrawal is authorized with the withdrawal key, every other operation with the project key", async () => {
    const local = await server(documented);
    const client = createCryptoCloudClient({ ...KEYS, baseUrl: local.url });
    for (const op of api.model.operations) await method(client, op.id)(callArgs(api, op));
    const sent = Object.fromEntries(
      local.received.map((r) => [new URL(r.url, "http://x").pathname, r.headers.authorization]),
    );
    expect(sent).toEqual(
      Object.fromEntries(
        api.model.operations.map((op) => [
          op.path,
          `Token ${op.id === "createWithdrawal" ? KEYS.withdrawalKey : KEYS.apiKey}`,
        ]),
      ),
    );
  });

  it("a client without the withdrawal key does everything else; createWithdrawal throws ConfigurationError before sending", async () => {
    const local = await server(documented);
    const client = createCryptoCloudClient({ apiKey: KEYS.apiKey, baseUrl: local.url });
    await expect(client.getBalances()).resolves.toMatchObject({ ok: true });
    const error = await client
      .createWithdrawal({
        body: { currency_code: "BTC", to_address: "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", amount: 0.05 },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(String(error)).toContain("withdrawalKey");
    expect(local.received).toHaveLength(1);
  });

  it("the withdrawal's answer is under data", async () => {
    const local = await server(documented);
    const client = createCryptoCloudClient({ ...KEYS, baseUrl: local.url });
    const result = await client.createWithdrawal({
      body: { currency_code: "BTC", to_address: "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", amount: 0.05 },
    });
    if (!result.ok) throw new Error(`status ${result.status}`);
    expect(result.data.data).toEqual({ invoice_id: "INV-XXXXXXXX", status: "created", currency: "BTC", amount: 0.05 });
  });
});

describe("CryptoCloud: the shop id as a client option", () => {
  const wallet = { currency: "BTC", identify: "customer-7" };

  it("fills shop_id of createInvoice and createStaticWallet when the call leaves it out; a call's own value wins", async () => {
    const local = await server(documented);
    const client = createCryptoCloudClient({ ...KEYS, shopId: "SHOP-FROM-OPTIONS", baseUrl: local.url });
    await client.createInvoice({ body: { amount: 10 } });
    await client.createStaticWallet({ body: wallet });
    await client.createInvoice({ body: { amount: 10, shop_id: "SHOP-OF-THE-CALL" } });
    expect(local.received.map((r) => JSON.parse(r.body) as unknown)).toEqual([
      { amount: 10, shop_id: "SHOP-FROM-OPTIONS" },
      { ...wallet, shop_id: "SHOP-FROM-OPTIONS" },
      { amount: 10, shop_id: "SHOP-OF-THE-CALL" },
    ]);
  });

  it("neither given: refused before sending, naming the option", async () => {
    const local = await server(documented);
    const client = createCryptoCloudClient({ ...KEYS, baseUrl: local.url });
    for (const call of [
      () => client.createInvoice({ body: { amount: 10 } }),
      () => client.createStaticWallet({ body: wallet }),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([
        { pointer: "/body/shop_id", message: "is required (pass it, or set the client option shopId)" },
      ]);
    }
    expect(local.received).toHaveLength(0);
  });
});

describe("CryptoCloud: the invoice list pages by offset and end index", () => {
  const template = (successExample("listInvoices") as { result: Record<string, unknown>[] }).result[0]!;
  const invoices = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ ...template, uuid: `INV-${String(i + 1).padStart(8, "0")}` }));
  const period = { start: "01.01.2024", end: "31.01.2024" };

  /** A server holding `records` that answers records offset+1 … limit of each request, as the page describes. */
  const listing =
    (records: readonly Record<string, unknown>[]): Handler =>
    (req, res, socket) => {
      const { offset = 0, limit = 10 } = JSON.parse(req.body) as { offset?: number; limit?: number };
      return json(200, { status: "success", result: records.slice(offset, limit) })(req, res, socket);
    };
  const sentSlices = (received: readonly { body: string }[]) =>
    received.map((r) => {
      const { offset, limit } = JSON.parse(r.body) as { offset: number; limit: number };
      return [offset, limit];
    });

  it("all() from the documented slice (offset 0, limit 10) reads every record once, in order, and stops after a short page", async () => {
    const records = invoices(25);
    const local = await server(listing(records));
    const client = createCryptoCloudClient({ ...KEYS, baseUrl: local.url });
    const got: string[] = [];
    for await (const invoice of client.listInvoices.all({ body: { ...period, offset: 0, limit: 10 } }))
      got.push(invoice.uuid);
    expect(got).toEqual(records.map((r) => r.uuid));
    expect(sentSlices(local.received)).toEqual([
      [0, 10],
      [10, 20],
      [20, 30],
    ]);
    expect(local.received.every((r) => (JSON.parse(r.body) as typeof period).start === period.start)).toBe(true);
  });

  it("all() keeps the page size of the call's own offset and limit (limit is the last record's number)", async () => {
    const records = invoices(25);
    const local = await server(listing(records));
    const client = createCryptoCloudClient({ ...KEYS, baseUrl: local.url });
    const got: string[] = [];
    for await (const invoice of client.listInvoices.all({ body: { ...period, offset: 5, limit: 12 } }))
      got.push(invoice.uuid);
    expect(got).toEqual(records.slice(5).map((r) => r.uuid));
    expect(sentSlices(local.received)).toEqual([
      [5, 12],
      [12, 19],
      [19, 26],
    ]);
  });

  it("pages() ends on the empty page after a full one, and stops at a failed page", async () => {
    const local = await server(listing(invoices(20)));
    const client = createCryptoCloudClient({ ...KEYS, baseUrl: local.url });
    const sizes: number[] = [];
    for await (const page of client.listInvoices.pages({ body: { ...period, limit: 10 } }))
      if (page.ok) sizes.push(page.data.result.length);
    expect(sizes).toEqual([10, 10, 0]);

    const unauthorized = { status: "error", result: { authorization: "Unauthorized request." } };
    const failing = await server(listing(invoices(20)), json(400, unauthorized));
    const failingClient = createCryptoCloudClient({ ...KEYS, baseUrl: failing.url });
    const statuses: number[] = [];
    for await (const page of failingClient.listInvoices.pages({ body: { ...period, limit: 10 } }))
      statuses.push(page.status);
    expect(statuses).toEqual([200, 400]);
  });
});

describe("CryptoCloud: writes are never retried, reads are", () => {
  const writes = ["createInvoice", "cancelInvoice", "createStaticWallet", "createWithdrawal"];
  const reads = api.model.operations.map((op) => op.id).filter((id) => !writes.includes(id));

  it("the spec declares exactly the reads safe to repeat", () => {
    expect(
      api.model.operations
        .filter((op) => op.idempotent)
        .map((op) => op.id)
        .sort(),
    ).toEqual([...reads].sort());
    expect(reads.sort()).toEqual(["getBalances", "getInvoiceInfo", "getStatistics", "listInvoices"]);
  });

  it.each(writes)("%s: a 503 and a reset connection are each sent once, even with 5 attempts allowed", async (id) => {
    const unavailable = await server(json(503, "<html>busy</html>", { "content-type": "text/html" }));
    const client = createCryptoCloudClient({ ...KEYS, baseUrl: unavailable.url, retry: FAST_RETRY });
    await expect(method(client, id)(callArgs(api, operation(id)))).rejects.toBeInstanceOf(UnexpectedResponseError);
    expect(unavailable.received).toHaveLength(1);

    const reset = await server((_req, _res, socket) => void socket.destroy());
    const resetClient = createCryptoCloudClient({ ...KEYS, baseUrl: reset.url, retry: FAST_RETRY });
    await expect(method(resetClient, id)(callArgs(api, operation(id)))).rejects.toBeInstanceOf(TransportError);
    expect(reset.received).toHaveLength(1);
  });

  it.each(reads)("%s: retried after two 503s, then delivered", async (id) => {
    const busy = json(503, "<html>busy</html>", { "content-type": "text/html" });
    const local = await server(busy, busy, documented);
    const client = createCryptoCloudClient({ ...KEYS, baseUrl: local.url, retry: FAST_RETRY });
    await expect(method(client, id)(callArgs(api, operation(id)))).resolves.toMatchObject({ ok: true, status: 200 });
    expect(local.received).toHaveLength(3);
  });

  it("the withdrawal's rate limit is a typed 429, sent once, its Retry-After left to the caller", async () => {
    const limited = { status: "error", result: { rate_limit: "The limit of requests per minute has been exceeded" } };
    const local = await server(json(429, limited, { "retry-after": "12" }));
    const client = createCryptoCloudClient({ ...KEYS, baseUrl: local.url, retry: FAST_RETRY });
    const result = await client.createWithdrawal({
      body: { currency_code: "BTC", to_address: "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", amount: 0.05 },
    });
    expect(result).toMatchObject({ ok: false, status: 429, error: limited });
    if (result.status === 429) expect(result.error.result?.rate_limit).toBe(limited.result.rate_limit);
    expect(result.response.headers.get("retry-after")).toBe("12");
    expect(local.received).toHaveLength(1);
  });

  it("a read answered 429 waits the Retry-After it was given before trying again", async () => {
    const local = await server(json(429, { detail: "slow down" }, { "retry-after": "1" }), documented);
    const client = createCryptoCloudClient({ ...KEYS, baseUrl: local.url, retry: FAST_RETRY });
    const started = Date.now();
    await expect(client.getBalances()).resolves.toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(local.received).toHaveLength(2);
  });
});

describe("CryptoCloud spec: what the pages show", () => {
  const schemas = (api.document.components as { schemas: Record<string, Record<string, unknown>> }).schemas;
  const invoiceRef = { $ref: "#/components/schemas/Invoice" };

  it("one Invoice component serves invoice information, the list, creation and the postback's invoice_info", () => {
    const properties = (name: string) => schemas[name]!.properties as Record<string, Record<string, unknown>>;
    expect(properties("InvoiceInfoResponse").result!.items).toEqual(invoiceRef);
    expect(properties("InvoiceListResponse").result!.items).toEqual(invoiceRef);
    expect(properties("InvoiceCreateResponse").result).toEqual(invoiceRef);
    expect(properties("Postback").invoice_info).toEqual(invoiceRef);
  });

  it("every documented invoice id form is an InvoiceId, the 32-character static wallet uuid too", () => {
    const pattern = new RegExp(schemas.InvoiceId!.pattern as string);
    for (const id of [
      "INV-XXXXXXXX",
      "XXXXXXXX",
      "INV-89UX09KA",
      "DZLF4212",
      "INV-ILRAJE1Q",
      "1K0NFXT9E1X3VOY07VY1LRV8XGMLQNQX",
    ])
      expect(id).toMatch(pattern);
    for (const id of ["", "INV-", "INV-12 34", "API-KEY-0123"]) expect(id).not.toMatch(pattern);
  });

  describe("CryptoDate admits calendar dates only, so random mock answers parse", () => {
    const pattern = new RegExp(schemas.CryptoDate!.pattern as string);
    const parts = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})/;
    const pad = (n: number, width = 2) => String(n).padStart(width, "0");

    it("every string it admits is a real UTC date and time", () => {
      fc.assert(
        fc.property(fc.stringMatching(pattern), (text) => {
          const [, y, mo, d, h, mi, s] = parts.exec(text)!.map(Number) as [
            number,
            number,
            number,
            number,
            number,
            number,
            number,
          ];
          const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
          expect([
            date.getUTCFullYear(),
            date.getUTCMonth() + 1,
            date.getUTCDate(),
            date.getUTCHours(),
            date.getUTCMinutes(),
            date.getUTCSeconds(),
          ]).toEqual([y, mo, d, h, mi, s]);
        }),
        { numRuns: 500 },
      );
    });

    it("every real date and time from year 1000 on is admitted, with or without microseconds", () => {
      fc.assert(
        fc.property(
          fc.date({
            min: new Date("1000-01-01T00:00:00Z"),
            max: new Date("9999-12-31T23:59:59Z"),
            noInvalidDate: true,
          }),
          fc.boolean(),
          (date, micro) => {
            const text = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
            expect(micro ? `${text}.${pad(date.getUTCMilliseconds(), 3)}000` : text).toMatch(pattern);
          },
        ),
        { numRuns: 500 },
      );
    });

    it.each([
      "2023-02-29 00:00:00",
      "1900-02-29 00:00:00",
      "2023-04-31 00:00:00",
      "2023-13-01 00:00:00",
      "2023-01-01 24:00:00",
      "2023-01-01 12:00:00.1234567",
      "2023-01-01T12:00:00",
    ])("refuses %s", (text) => expect(text).not.toMatch(pattern));

    it.each(["2024-02-29 12:00:00", "2000-02-29 00:00:00.5", "2023-01-01 12:00:00.000000", "2023-01-02 12:00:00"])(
      "admits %s",
      (text) => expect(text).toMatch(pattern),
    );
  });
});
