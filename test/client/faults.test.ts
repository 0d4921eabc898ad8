import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCryptomusClient } from "../../generated/cryptomus/index.js";
import {
  createMoruneClient,
  TimeoutError,
  TransportError,
  UnexpectedResponseError,
} from "../../generated/morune/index.js";
import { type Handler, json, localServersPerTest } from "../helpers/local-server.js";

/**
 * Fault injection against a misbehaving server on 127.0.0.1. Every case has a documented
 * outcome (README "Timeouts", "Retries", "Errors"); delays are kept small so the whole file
 * stays fast, and vitest fails the run on any unhandled rejection.
 */
const QUERY = { shop_id: "3fa85f64-5717-4562-b3fc-2c963f66afa6", invoice_id: "3fa85f64-5717-4562-b3fc-2c963f66afa6" };
const INVOICE = {
  data: {
    invoice_id: QUERY.invoice_id,
    order_id: "1",
    shop_id: QUERY.shop_id,
    status: "success",
    invoice_amount: 10,
    credited: 9,
    currency: "RUB",
    pay_service: "card",
    commission_amount: 1,
    commission_percent: 10,
    shop_commission_amount: 1,
    user_commission_amount: 0,
    custom_field: null,
    created_at: "2024-01-01 10:00:00",
    expired_at: "2024-01-01 11:00:00",
    paid_at: null,
  },
  status: 200,
  status_check: true,
};
const FAST_RETRY = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 };

const raw =
  (status: number, body: string, type: string): Handler =>
  (_req, res) => {
    res.writeHead(status, { "content-type": type });
    res.end(body);
  };

const startServer = localServersPerTest();

async function morune(...handlers: Handler[]) {
  const server = await startServer(...handlers);
  return { server, client: createMoruneClient({ apiKey: "shop-secret-key", baseUrl: server.url, retry: FAST_RETRY }) };
}

describe("fault injection", () => {
  it("connection refused → TransportError with the cause kept, after the configured attempts", async () => {
    const server = await startServer(json(200, INVOICE));
    await server.close();
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const client = createMoruneClient({
      apiKey: "shop-secret-key",
      baseUrl: server.url,
      retry: FAST_RETRY,
      fetch: counting,
    });
    const error = await client.getInvoiceInfo({ query: QUERY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).message).toMatch(/request failed: fetch failed \(ECONNREFUSED\)/);
    expect((error as TransportError).cause).toBeInstanceOf(Error);
    expect(calls).toBe(3);
  });

  it("reset in the middle of the body → TransportError, retried", async () => {
    const { server, client } = await morune((_req, res, socket) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "500" });
      res.write('{"data":{"invoice_id":');
      setTimeout(() => socket.destroy(), 10);
    });
    const error = await client.getInvoiceInfo({ query: QUERY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as Error).message).toContain("answer broke off");
    expect(server.received).toHaveLength(3);
  });

  it("an answer slower than the timeout → TimeoutError, per call override, bounded time", async () => {
    const { client } = await morune((_req, res) => {
      setTimeout(() => json(200, INVOICE)(_req, res, undefined as never), 2_000);
    });
    const started = Date.now();
    const error = await client.getInvoiceInfo({ query: QUERY, timeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(100);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("the caller's signal aborts the call with its own reason", async () => {
    const { client } = await morune((_req, res) => {
      setTimeout(() => json(200, INVOICE)(_req, res, undefined as never), 2_000);
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("user gave up")), 50);
    await expect(client.getInvoiceInfo({ query: QUERY, signal: controller.signal })).rejects.toThrow("user gave up");
  });

  it("429 with Retry-After (seconds), then 200 → ok after waiting", async () => {
    const { server, client } = await morune(json(429, {}, { "retry-after": "1" }), json(200, INVOICE));
    const started = Date.now();
    const result = await client.getInvoiceInfo({ query: QUERY });
    expect(result.ok).toBe(true);
    expect(server.received).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("Retry-After as an HTTP date is honoured and capped by maxRetryAfterMs", async () => {
    const later = new Date(Date.now() + 60_000).toUTCString();
    const server = await startServer(json(503, {}, { "retry-after": later }), json(200, INVOICE));
    const client = createMoruneClient({
      apiKey: "k-123456",
      baseUrl: server.url,
      retry: { ...FAST_RETRY, maxRetryAfterMs: 200 },
    });
    const started = Date.now();
    const result = await client.getInvoiceInfo({ query: QUERY });
    expect(result.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("503 twice then 200 → ok, and every attempt of a signed call is re-signed over the bytes it sends", async () => {
    const page = {
      state: 0,
      result: {
        items: [],
        paginate: { count: 0, hasPages: false, nextCursor: null, previousCursor: null, perPage: 15 },
      },
    };
    const server = await startServer(json(503, {}), json(503, {}), json(200, page));
    const client = createCryptomusClient({
      merchant: "m",
      paymentKey: "pay-key-1",
      payoutKey: "out-key-2",
      baseUrl: server.url,
      retry: FAST_RETRY,
    });
    const result = await client.listPayments({ body: { date_from: "2023-05-04 00:00:00" } });
    expect(result.status).toBe(200);
    expect(server.received).toHaveLength(3);
    for (const r of server.received) {
      expect(r.body).toBe('{"date_from":"2023-05-04 00:00:00"}');
      expect(r.headers.sign).toBe(
        createHash("md5")
          .update(`${Buffer.from(r.body).toString("base64")}pay-key-1`)
          .digest("hex"),
      );
    }
  });

  it("a documented 500 that stays → the typed 500 after the last attempt", async () => {
    const envelope = { data: null, error: "Внутренняя ошибка системы", status: 500, status_check: false };
    const { server, client } = await morune(json(500, envelope));
    const result = await client.getInvoiceInfo({ query: QUERY });
    expect(result).toMatchObject({ ok: false, status: 500, error: envelope });
    expect(server.received).toHaveLength(3);
  });

  it("an HTML 502 page → UnexpectedResponseError with status, content type and a short excerpt, after retries", async () => {
    const { server, client } = await morune(
      raw(502, `<html><body>Bad gateway${" ".repeat(400)}</body></html>`, "text/html"),
    );
    const error = (await client.getInvoiceInfo({ query: QUERY }).catch((e: unknown) => e)) as UnexpectedResponseError;
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ status: 502, contentType: "text/html" });
    expect(error.bodyExcerpt.startsWith("<html><body>Bad gateway")).toBe(true);
    expect(error.bodyExcerpt.length).toBeLessThanOrEqual(200);
    expect(server.received).toHaveLength(3);
  });

  it.each([
    {
      name: "truncated JSON",
      handler: raw(200, '{"data":{"invoice_id":"3fa8', "application/json"),
      reason: "body is not valid JSON",
    },
    {
      name: "an empty 200 body",
      handler: raw(200, "", "application/json"),
      reason: "empty body where JSON was expected",
    },
    {
      name: "text/plain",
      handler: raw(200, "OK", "text/plain"),
      reason: "expected application/json (HTTP 200, text/plain)",
    },
    { name: "an undocumented status", handler: json(402, { e: 1 }), reason: "undocumented status (HTTP 402" },
  ])("$name → UnexpectedResponseError, not retried", async ({ handler, reason }) => {
    const { server, client } = await morune(handler);
    await expect(client.getInvoiceInfo({ query: QUERY })).rejects.toThrow(reason);
    expect(server.received).toHaveLength(1);
  });

  it("never retries a documented 4xx", async () => {
    const { server, client } = await morune(
      json(404, { data: null, error: "Инвойс не найден", status: 404, status_check: false }),
    );
    expect((await client.getInvoiceInfo({ query: QUERY })).status).toBe(404);
    expect(server.received).toHaveLength(1);
  });

  it("retry: false (per call or per client) makes one attempt", async () => {
    const { server, client } = await morune(json(503, {}));
    await expect(client.getInvoiceInfo({ query: QUERY, retry: false })).rejects.toThrow(UnexpectedResponseError);
    expect(server.received).toHaveLength(1);
    const noRetry = createMoruneClient({ apiKey: "k-123456", baseUrl: server.url, retry: false });
    await expect(noRetry.getInvoiceInfo({ query: QUERY })).rejects.toThrow("undocumented status (HTTP 503");
    expect(server.received).toHaveLength(2);
  });
});
