import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCryptomusClient, type Payment, PaginationError } from "../../generated/cryptomus/index.js";
import { json, localServersPerTest } from "../helpers/local-server.js";

const KEYS = {
  merchant: "8b03432e-385b-4670-8d06-064591096795",
  paymentKey: "payment-key-123",
  payoutKey: "payout-key-456",
};
const sign = (body: string, key: string) =>
  createHash("md5")
    .update(Buffer.from(body).toString("base64") + key)
    .digest("hex");

function payment(n: number): Payment {
  return {
    uuid: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    order_id: `o${n}`,
    amount: "1.00",
    payment_amount: null,
    payer_currency: "USDT",
    currency: "USDT",
    comments: null,
    network: "tron",
    address: "T",
    from: null,
    txid: null,
    payment_status: "paid",
    url: "https://pay.example.test",
    expired_at: 1,
    status: "paid",
    is_final: true,
  };
}

function page(items: Payment[], nextCursor: string | null) {
  return json(200, {
    state: 0,
    result: { items, paginate: { count: items.length, hasPages: true, nextCursor, previousCursor: null, perPage: 15 } },
  });
}

const startServer = localServersPerTest();

describe("paging from x-pagination", () => {
  it("all() walks every page, sending the cursor in the query and signing the same body each time", async () => {
    const server = await startServer(
      page([payment(1), payment(2)], "c2"),
      page([payment(3)], "c3"),
      page([payment(4)], null),
    );
    const client = createCryptomusClient({ ...KEYS, baseUrl: server.url });
    const body = { date_from: "2023-05-04 00:00:00" };
    const got: string[] = [];
    for await (const item of client.listPayments.all({ body })) got.push(item.order_id);
    expect(got).toEqual(["o1", "o2", "o3", "o4"]);
    expect(server.received.map((r) => r.url)).toEqual([
      "/v1/payment/list",
      "/v1/payment/list?cursor=c2",
      "/v1/payment/list?cursor=c3",
    ]);
    for (const r of server.received) {
      expect(r.body).toBe(JSON.stringify(body));
      expect(r.headers.sign).toBe(sign(r.body, KEYS.paymentKey));
    }
  });

  it("pages() yields each typed page and stops at maxPages", async () => {
    const server = await startServer(page([payment(1)], "a"), page([payment(2)], "b"), page([payment(3)], "c"));
    const client = createCryptomusClient({ ...KEYS, baseUrl: server.url });
    const statuses: number[] = [];
    for await (const result of client.listPayouts.pages(undefined, { maxPages: 2 })) statuses.push(result.status);
    expect(statuses).toEqual([200, 200]);
    expect(server.received).toHaveLength(2);
    expect(server.received[0]!.headers.sign).toBe(sign("", KEYS.payoutKey));
  });

  it("a repeating cursor is an error, not an endless loop", async () => {
    const server = await startServer(page([payment(1)], "same"), page([payment(2)], "same"));
    const client = createCryptomusClient({ ...KEYS, baseUrl: server.url });
    const seen: string[] = [];
    const run = async () => {
      for await (const item of client.listPayments.all()) seen.push(item.order_id);
    };
    await expect(run()).rejects.toThrow(PaginationError);
    await expect(run()).rejects.toThrow('returned cursor "same" again after page 2');
    expect(seen.slice(0, 2)).toEqual(["o1", "o2"]);
  });

  it("a failed page ends pages() after yielding it, and makes all() throw with the typed error", async () => {
    const failure = json(422, { state: 1, errors: { date_from: ["validation.regex"] } });
    const server = await startServer(page([payment(1)], "next"), failure, page([payment(1)], "next"), failure);
    const client = createCryptomusClient({ ...KEYS, baseUrl: server.url });
    const results = [];
    for await (const result of client.listPayments.pages()) results.push(result);
    expect(results.map((r) => [r.ok, r.status])).toEqual([
      [true, 200],
      [false, 422],
    ]);
    const error = await (async () => {
      for await (const _ of client.listPayments.all());
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({
      page: 2,
      status: 422,
      error: { state: 1, errors: { date_from: ["validation.regex"] } },
    });
  });
});
