import { describe, expect, it } from "vitest";
import { createCryptoCloudClient, TransportError } from "../../generated/cryptocloud/index.js";
import { type Handler, json, localServersPerTest } from "../helpers/local-server.js";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `INV-${String(i).padStart(8, "0")}`);

function invoice(uuid: string) {
  return {
    uuid,
    address: "",
    expiry_date: "2023-01-01 12:00:00.000000",
    side_commission: "client",
    side_commission_cc: "client",
    amount: 1,
    amount_usd: 1,
    received: 0,
    received_usd: 0,
    fee: 0,
    fee_usd: 0,
    service_fee: 0,
    service_fee_usd: 0,
    status: "created",
    order_id: null,
    currency: {
      id: 4,
      code: "USDT",
      fullcode: "USDT_TRC20",
      network: { code: "TRC20", id: 4, icon: "https://x.test/i.svg", fullname: "Tron" },
      name: "Tether",
      is_email_required: false,
      stablecoin: true,
      icon_base: "https://x.test/b.svg",
      icon_network: "https://x.test/n.svg",
      icon_qr: "https://x.test/q.svg",
      order: 1,
    },
    project: { id: 1, name: "Shop", fail: "https://x.test/f", success: "https://x.test/s", logo: null },
    test_mode: false,
  };
}

/** Answers each request with one invoice per requested id; the first request is the slowest. */
function echo(inFlight: { now: number; max: number }): Handler {
  let calls = 0;
  return async (req, res) => {
    const delay = [60, 30, 0][calls++] ?? 0;
    inFlight.now++;
    inFlight.max = Math.max(inFlight.max, inFlight.now);
    await new Promise((r) => setTimeout(r, delay));
    inFlight.now--;
    const { uuids } = JSON.parse(req.body) as { uuids: string[] };
    json(200, { status: "success", result: uuids.map(invoice) })(req, res, req as never);
  };
}

const startServer = localServersPerTest();

describe("batching from x-batch", () => {
  it("splits 250 ids into requests of at most 100 and merges the answers in input order", async () => {
    const inFlight = { now: 0, max: 0 };
    const server = await startServer(echo(inFlight));
    const client = createCryptoCloudClient({ apiKey: "k-123456", baseUrl: server.url });
    const all = ids(250);
    const result = await client.getInvoiceInfo.batched({ body: { uuids: all } }, { concurrency: 3 });
    expect(result.ok).toBe(true);
    expect(result.failures).toEqual([]);
    expect(result.items.map((i) => i.uuid)).toEqual(all);
    const sizes = server.received
      .map((r) => (JSON.parse(r.body) as { uuids: string[] }).uuids.length)
      .sort((a, b) => b - a);
    expect(sizes).toEqual([100, 100, 50]);
    expect(inFlight.max).toBeGreaterThan(1);
    expect(server.received.every((r) => r.headers.authorization === "Token k-123456")).toBe(true);
  });

  it("bounds the requests in flight by concurrency", async () => {
    const inFlight = { now: 0, max: 0 };
    const server = await startServer(echo(inFlight));
    const client = createCryptoCloudClient({ apiKey: "k-123456", baseUrl: server.url });
    const result = await client.getInvoiceInfo.batched({ body: { uuids: ids(250) } }, { concurrency: 1 });
    expect(result.items).toHaveLength(250);
    expect(inFlight.max).toBe(1);
  });

  it("reports a failed request with the ids it held, keeping the others' results", async () => {
    let calls = 0;
    const server = await startServer(async (req, res, socket) => {
      const n = calls++;
      const { uuids } = JSON.parse(req.body) as { uuids: string[] };
      if (n === 1) return json(401, { detail: "Signature verification failed" })(req, res, socket);
      if (n === 2) return void socket.destroy();
      return json(200, { status: "success", result: uuids.map(invoice) })(req, res, socket);
    });
    const client = createCryptoCloudClient({ apiKey: "k-123456", baseUrl: server.url, retry: false });
    const all = ids(250);
    const result = await client.getInvoiceInfo.batched({ body: { uuids: all } }, { concurrency: 1 });
    expect(result.ok).toBe(false);
    expect(result.items.map((i) => i.uuid)).toEqual(all.slice(0, 100));
    expect(result.failures).toHaveLength(2);
    expect(result.failures[0]!.ids).toEqual(all.slice(100, 200));
    expect(result.failures[0]!.result).toMatchObject({
      ok: false,
      status: 401,
      error: { detail: "Signature verification failed" },
    });
    expect(result.failures[1]!.ids).toEqual(all.slice(200));
    expect(result.failures[1]!.error).toBeInstanceOf(TransportError);
  });

  it("a single call with more than the limit is refused before any request, naming the field and the limit", async () => {
    const server = await startServer(json(500, {}));
    const client = createCryptoCloudClient({ apiKey: "k-123456", baseUrl: server.url });
    await expect(client.getInvoiceInfo({ body: { uuids: ids(101) } })).rejects.toThrow(
      "/body/uuids must have at most 100 items (maxItems)",
    );
    expect(server.received).toHaveLength(0);
  });
});
