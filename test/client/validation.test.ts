import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createCryptoCloudClient } from "../../generated/cryptocloud/index.js";
import { ConfigurationError, createCryptomusClient, ResponseValidationError } from "../../generated/cryptomus/index.js";
import { cryptomusResponseValidators } from "../../generated/cryptomus/response-validators.gen.js";
import { createMoruneClient, ValidationError } from "../../generated/morune/index.js";
import { moruneResponseValidators } from "../../generated/morune/response-validators.gen.js";
import { json, localServersPerTest } from "../helpers/local-server.js";

const startServer = localServersPerTest();

/** A server that must never be called: validation happens before sending. */
function untouched() {
  return startServer(json(500, {}));
}

const SHOP = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

describe("input checks before sending, from the spec", () => {
  it.each([
    {
      name: "more than 100 uuids (maxItems)",
      call: (url: string) =>
        createCryptoCloudClient({ apiKey: "k-1234", baseUrl: url }).getInvoiceInfo({
          body: { uuids: Array.from({ length: 101 }, () => "INV-AAAAAAAA") },
        }),
      pointer: "/body/uuids",
      message: "must have at most 100 items (maxItems)",
    },
    {
      name: "an id breaking the pattern",
      call: (url: string) =>
        createCryptoCloudClient({ apiKey: "k-1234", baseUrl: url }).getInvoiceInfo({ body: { uuids: ["INV-"] } }),
      pointer: "/body/uuids/0",
      message: "must match the pattern ^(INV-)?[A-Za-z0-9]+$",
    },
    {
      name: "an empty uuid list (minItems)",
      call: (url: string) =>
        createCryptoCloudClient({ apiKey: "k-1234", baseUrl: url }).getInvoiceInfo({ body: { uuids: [] } }),
      pointer: "/body/uuids",
      message: "must have at least 1 items (minItems)",
    },
    {
      name: "a malformed date filter",
      call: (url: string) =>
        createCryptomusClient({ merchant: "m", paymentKey: "p-1234", payoutKey: "q-1234", baseUrl: url }).listPayments({
          body: { date_from: "04.05.2023" },
        }),
      pointer: "/body/date_from",
      message: "must match the pattern",
    },
    {
      name: "Morune without invoice_id or order_id",
      call: (url: string) =>
        createMoruneClient({ apiKey: "k-1234", baseUrl: url }).getInvoiceInfo({ query: { shop_id: SHOP } }),
      pointer: "/query",
      message: "needs exactly one of invoice_id, order_id (x-exactly-one-of)",
    },
    {
      name: "Morune with both",
      call: (url: string) =>
        createMoruneClient({ apiKey: "k-1234", baseUrl: url }).getInvoiceInfo({
          query: { shop_id: SHOP, invoice_id: SHOP, order_id: "1" },
        }),
      pointer: "/query",
      message: "needs exactly one of invoice_id, order_id",
    },
    {
      name: "a shop_id that is not a uuid",
      call: (url: string) =>
        createMoruneClient({ apiKey: "k-1234", baseUrl: url }).getInvoiceInfo({
          query: { shop_id: "shop-1", order_id: "1" },
        }),
      pointer: "/query/shop_id",
      message: "must be a valid uuid",
    },
    {
      name: "an order_id longer than 255",
      call: (url: string) =>
        createMoruneClient({ apiKey: "k-1234", baseUrl: url }).getInvoiceInfo({
          query: { shop_id: SHOP, order_id: "x".repeat(256) },
        }),
      pointer: "/query/order_id",
      message: "must have at most 255 characters (maxLength)",
    },
  ])("$name → ValidationError naming the field and the rule, nothing sent", async ({ call, pointer, message }) => {
    const server = await untouched();
    const error = (await call(server.url).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toContainEqual({ pointer, message: expect.stringContaining(message) as unknown as string });
    expect(error.message).toContain(pointer);
    expect(server.received).toHaveLength(0);
  });

  it("a required body that is missing at run time is refused too", async () => {
    const server = await untouched();
    const client = createCryptoCloudClient({ apiKey: "k-1234", baseUrl: server.url });
    const error = (await (client.getInvoiceInfo as (a: object) => Promise<unknown>)({}).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(error.issues).toEqual([{ pointer: "/body", message: "is required" }]);
  });

  it("validateRequests: false sends what it is given", async () => {
    const server = await startServer(json(400, { status: "error", result: { validate_error: "Max 100 uuids" } }));
    const client = createCryptoCloudClient({ apiKey: "k-1234", baseUrl: server.url, validateRequests: false });
    const result = await client.getInvoiceInfo({ body: { uuids: Array.from({ length: 101 }, () => "INV-AAAAAAAA") } });
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(server.received).toHaveLength(1);
  });
});

describe("opt-in response validation", () => {
  const page = (items: unknown[]) => ({
    state: 0,
    result: {
      items,
      paginate: { count: items.length, hasPages: false, nextCursor: null, previousCursor: null, perPage: 15 },
    },
  });
  const payout = {
    uuid: "a7c0caec-a594-4aaa-b1c4-77d511857594",
    amount: "3",
    currency: "USDT",
    network: "TRON",
    address: "TJ",
    txid: null,
    status: "process",
    is_final: false,
    balance: 129,
    created_at: "2023-06-21T17:25:55+03:00",
    updated_at: "2023-06-21T17:34:38+03:00",
  };

  const KEYS = { merchant: "m", paymentKey: "p-1234", payoutKey: "q-1234" };

  it("is off by default: a wrong body is delivered as is, and the client does not import the validators", async () => {
    const server = await startServer(json(200, page([{ ...payout, amount: 3 }])));
    expect((await createCryptomusClient({ ...KEYS, baseUrl: server.url }).listPayouts()).ok).toBe(true);
    const clientFile = readFileSync(new URL("../../generated/cryptomus/client.gen.ts", import.meta.url), "utf8");
    const imported = /import \{([^}]*)\} from "\.\/validators\.gen\.js";/.exec(clientFile)![1]!.match(/\w+/g);
    expect(imported!.length).toBeGreaterThan(0);
    expect(imported!.filter((name) => !name.endsWith("Request"))).toEqual([]);
    expect(clientFile).not.toContain("response-validators");
  });

  it("lists every mismatch by JSON pointer", async () => {
    const broken = { ...payout, amount: 3, is_final: "no" } as Record<string, unknown>;
    delete broken.txid;
    const server = await startServer(json(200, { ...page([payout, broken]), state: 1 }));
    const client = createCryptomusClient({
      ...KEYS,
      baseUrl: server.url,
      validateResponses: cryptomusResponseValidators,
    });
    const error = (await client.listPayouts().catch((e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.status).toBe(200);
    expect(error.issues.map((i) => i.pointer).sort()).toEqual(
      ["/result/items/1/amount", "/result/items/1/is_final", "/result/items/1/txid", "/state"].sort(),
    );
    expect(error.message).toContain("/result/items/1/amount must be string, not integer");
  });

  it("accepts a valid body, extra fields and a status value the spec does not list yet", async () => {
    const server = await startServer(json(200, page([{ ...payout, status: "on_hold", new_field: { x: 1 } }])));
    const client = createCryptomusClient({
      ...KEYS,
      baseUrl: server.url,
      validateResponses: cryptomusResponseValidators,
    });
    const result = await client.listPayouts();
    expect(result.ok && result.data.result.items[0]!.status).toBe("on_hold");
  });

  it.each([
    ["another provider's validators", moruneResponseValidators],
    ["`true`, the old switch (a JavaScript caller)", true],
    ["an object without operations", { provider: "cryptomus" }],
  ])("refuses %s with a ConfigurationError naming the module to import", (_, given) => {
    const create = () =>
      createCryptomusClient({ ...KEYS, validateResponses: given as typeof cryptomusResponseValidators });
    expect(create).toThrow(ConfigurationError);
    expect(create).toThrow(
      'validateResponses takes this client\'s response validators: import them from its response-validators module ("payspec/cryptomus/response-validators" in the package)',
    );
  });
});
