import { createHash } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { connectMocks } from "../../mock/connect.js";
import { type RunningMocks, startMocks } from "../../mock/mocks.js";
import { fixtureClient, fixtureSpecs, responseValidators } from "./support.js";

// The mocks' behaviours, each proven on a fixture spec named after it (test/mock/fixtures/),
// through the fixture's own generated client where a client is what a user would use.
const [paged, signed, offset] = await fixtureSpecs("paged-by-cursor", "signed-raw-bytes", "paged-by-offset");

interface Result {
  readonly ok: boolean;
  readonly status: number;
  readonly data?: unknown;
  readonly error?: unknown;
}
type ListOrders = ((args?: object) => Promise<Result>) & {
  pages(args?: object, options?: object): AsyncIterable<Result>;
  all(args?: object, options?: object): AsyncIterable<{ id: string }>;
};
type Factory = (options: { apiKey: string; baseUrl?: string; retry?: object | false }) => { listOrders: ListOrders };
type ListInvoices = ((args: object) => Promise<Result>) & {
  pages(args: object, options?: object): AsyncIterable<Result>;
  all(args: object, options?: object): AsyncIterable<{ uuid: string }>;
};
type OffsetFactory = (options: { apiKey: string; baseUrl?: string; retry?: false }) => { listInvoices: ListInvoices };

let mocks: RunningMocks;
let dynamic: RunningMocks;
let createClient: Factory;
let createOffsetClient: OffsetFactory;

async function importClient<T>(folder: string): Promise<T> {
  return (await import(/* @vite-ignore */ pathToFileURL(path.join(folder, "index.ts")).href)) as T;
}

beforeAll(async () => {
  const [started, random, cursorFolder, offsetFolder] = await Promise.all([
    startMocks({ specs: [paged!, signed!, offset!], port: 0 }),
    startMocks({ specs: [paged!, offset!], port: 0, dynamic: true, seed: "pages" }),
    fixtureClient("paged-by-cursor"),
    fixtureClient("paged-by-offset"),
  ]);
  [mocks, dynamic] = [started, random];
  createClient = (await importClient<{ createPagedShopClient: Factory }>(cursorFolder)).createPagedShopClient;
  createOffsetClient = (await importClient<{ createOffsetShopClient: OffsetFactory }>(offsetFolder))
    .createOffsetShopClient;
}, 120_000);
afterAll(async () => Promise.all([mocks?.stop(), dynamic?.stop()]));
afterEach(async () => mocks.reset());

const shop = (options: Partial<Parameters<Factory>[0]> = {}) =>
  mocks.client("paged-by-cursor", createClient, { retry: false, ...options });

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of iterable) all.push(item);
  return all;
}

async function post(
  url: string,
  body: string | Uint8Array,
  headers: Record<string, string>,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, { method: "POST", body, headers });
  const text = await response.text();
  return { status: response.status, json: text === "" ? undefined : (JSON.parse(text) as unknown) };
}

const listUrl = (query = "") => `${mocks.urls["paged-by-cursor"]}/orders/list${query}`;
const token = { authorization: "Token test-apiKey", "content-type": "application/json" };

describe("paging that walks and ends (x-mock-pages)", () => {
  it(".pages() walks the three declared pages, each answering the cursor sent, and ends on the null cursor", async () => {
    const pages = await collect(shop().listOrders.pages());
    expect(pages.map((p) => p.ok)).toEqual([true, true, true]);
    expect(pages.map((p) => (p.data as { result: { next: string | null } }).result.next)).toEqual([
      "cursor-2",
      "cursor-3",
      null,
    ]);
  });

  it(".all() yields every order of every page, in order", async () => {
    const orders = await collect(shop().listOrders.all({ body: { since: "2024-01-01" } }));
    expect(orders.map((o) => o.id)).toEqual(["o-1", "o-2", "o-3", "o-4", "o-5"]);
  });

  it("with --dynamic, three made-up pages still walk and end", async () => {
    const client = dynamic.client("paged-by-cursor", createClient, { retry: false });
    const pages = await collect(client.listOrders.pages());
    expect(pages.map((p) => p.ok)).toEqual([true, true, true]);
    expect(pages.map((p) => (p.data as { result: { next: string | null } }).result.next)).toEqual([
      "cursor-2",
      "cursor-3",
      null,
    ]);
  });

  const january = { start: "01.01.2024", end: "31.01.2024" };
  const uuids = (n: number) => Array.from({ length: n }, (_, i) => `INV-0000000${i + 1}`);

  it("offset paging: .pages() slices the declared records at the offset and end index sent, and ends on the short page", async () => {
    const client = mocks.client("paged-by-offset", createOffsetClient, { retry: false });
    const pages = await collect(client.listInvoices.pages({ body: { ...january, limit: 3 } }));
    expect(pages.map((p) => (p.data as { result: unknown[] }).result.length)).toEqual([3, 3, 1]);
    expect(
      (await collect(client.listInvoices.all({ body: { ...january, offset: 1, limit: 3 } }))).map((i) => i.uuid),
    ).toEqual(uuids(7).slice(1));
    // The default page size (10) holds every record: one short page.
    expect((await collect(client.listInvoices.pages({ body: january }))).length).toBe(1);
  });

  it("offset paging with --dynamic: made-up pages carry the sliced records, so the walk ends the same", async () => {
    const client = dynamic.client("paged-by-offset", createOffsetClient, { retry: false });
    const pages = await collect(client.listInvoices.pages({ body: { ...january, limit: 2 } }));
    expect(pages.map((p) => (p.data as { result: unknown[] }).result.length)).toEqual([2, 2, 2, 1]);
  });

  it("refuses a cursor no page handed out, in the provider's shape, naming the cursor", async () => {
    expect(await post(listUrl("?cursor=bogus"), "{}", token)).toEqual({
      status: 422,
      json: { state: 1, errors: { cursor: ["validation.cursor"] } },
    });
  });
});

describe("credentials checked like the provider checks them", () => {
  it("accepts the declared prefix plus the test secret", async () => {
    expect((await shop().listOrders()).status).toBe(200);
  });

  it("answers x-mock-unauthorized's documented answer: 401 without the token, 403 with a wrong one", async () => {
    expect(await post(listUrl(), "{}", { "content-type": "application/json" })).toEqual({
      status: 401,
      json: { message: "Credentials were not provided" },
    });
    for (const authorization of ["Token wrong", "test-apiKey", "Bearer test-apiKey"]) {
      expect(await post(listUrl(), "{}", { ...token, authorization })).toEqual({
        status: 403,
        json: { message: "Invalid token" },
      });
    }
    const result = await shop({ apiKey: "not-the-key" }).listOrders();
    expect(result).toMatchObject({ ok: false, status: 403, error: { message: "Invalid token" } });
  });

  it("checks a signature over the exact bytes received, even when they are not UTF-8", async () => {
    const url = `${mocks.urls["signed-raw-bytes"]}/upload`;
    const bytes = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x80]);
    const md5 = (base64: string) => createHash("md5").update(`${base64}test-uploadKey`).digest("hex");
    const headers = { merchant: "test-merchant", "content-type": "application/octet-stream" };
    expect(await post(url, bytes, { ...headers, sign: md5(Buffer.from(bytes).toString("base64")) })).toEqual({
      status: 200,
      json: { ok: true },
    });
    // Signed over the bytes decoded as text (U+FFFD for each invalid byte) instead: refused.
    const decoded = Buffer.from(Buffer.from(bytes).toString("utf8"), "utf8").toString("base64");
    expect(await post(url, bytes, { ...headers, sign: md5(decoded) })).toEqual({
      status: 401,
      json: { message: "Invalid Sign." },
    });
    expect(
      await post(url, bytes, { ...headers, merchant: "other", sign: md5(Buffer.from(bytes).toString("base64")) }),
    ).toEqual({ status: 401, json: { message: "Invalid Sign." } });
  });
});

describe("refusals in the provider's shape (x-mock-invalid)", () => {
  it("fills a one-message shape too, naming every field and rule in it", async () => {
    const url = `${mocks.urls["paged-by-offset"]}/invoices/list`;
    const answer = await post(url, JSON.stringify({ start: "01.01.2024", limit: 0 }), token);
    expect(answer).toEqual({
      status: 400,
      json: { status: "error", result: { validate_error: "end: required; limit: minimum" } },
    });
  });

  it("names every field and rule that failed, and matches the documented schema", async () => {
    const answer = await post(listUrl(), JSON.stringify({ since: "1 May", until: "2024-13", extra: 1 }), token);
    expect(answer).toEqual({
      status: 422,
      json: {
        state: 1,
        errors: { since: ["validation.regex"], until: ["validation.regex"], extra: ["validation.unknown_field"] },
      },
    });
    const operation = paged!.model.operations[0]!;
    expect(responseValidators(paged!)(operation, "422")(answer.json)).toEqual([]);
  });
});

describe("answers chosen by the test", () => {
  it("a documented 422, for as many calls as asked, then the usual answer", async () => {
    await mocks.answer("paged-by-cursor", "listOrders", { status: 422, times: 2 });
    const client = shop();
    expect(await client.listOrders()).toMatchObject({
      ok: false,
      status: 422,
      error: { state: 1, errors: { since: ["validation.regex"] } },
    });
    expect((await client.listOrders()).status).toBe(422);
    expect((await client.listOrders()).status).toBe(200);
  });

  it("a 503 once: a client that retries gets the page delivered, one that does not gets the 503", async () => {
    await mocks.answer("paged-by-cursor", "listOrders", { status: 503, times: 1 });
    expect(await shop({ retry: { baseDelayMs: 1, maxDelayMs: 1 } }).listOrders()).toMatchObject({
      ok: true,
      status: 200,
    });
    await mocks.answer("paged-by-cursor", "listOrders", { status: 503, times: 1 });
    expect(await shop().listOrders()).toMatchObject({ ok: false, status: 503, error: { message: "Maintenance" } });
  });

  it("a named example: the empty page, so .all() yields nothing", async () => {
    await mocks.answer("paged-by-cursor", "listOrders", { example: "empty" });
    expect(await collect(shop().listOrders.all())).toEqual([]);
  });

  it("an undocumented 500 is answered by the front itself; reset ends every forced answer", async () => {
    await mocks.answer("paged-by-cursor", "listOrders", { status: 500 });
    await expect(shop().listOrders()).rejects.toMatchObject({ name: "UnexpectedResponseError", status: 500 });
    await mocks.reset();
    expect((await shop().listOrders()).status).toBe(200);
  });

  it("from another process: connectMocks forces and resets over HTTP, and says why a choice is refused", async () => {
    const remote = connectMocks(JSON.parse(JSON.stringify(mocks.info)) as typeof mocks.info);
    await remote.answer("paged-by-cursor", "listOrders", { status: 422 });
    expect((await shop().listOrders()).status).toBe(422);
    await remote.reset("paged-by-cursor");
    expect((await shop().listOrders()).status).toBe(200);
    await expect(remote.answer("paged-by-cursor", "listOrders", { status: 409 })).rejects.toThrow(
      "listOrders documents no 409 answer",
    );
    await expect(remote.answer("paged-by-cursor", "nope", { status: 422 })).rejects.toThrow('has no operation "nope"');
    await expect(remote.answer("elsewhere", "listOrders", { status: 422 })).rejects.toThrow('no mock for "elsewhere"');
  });
});
