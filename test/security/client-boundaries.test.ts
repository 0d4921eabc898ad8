import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createCryptoCloudClient } from "../../generated/cryptocloud/index.js";
import { ConfigurationError, createCryptomusClient, UnexpectedResponseError } from "../../generated/cryptomus/index.js";
import { createMoruneClient } from "../../generated/morune/index.js";
import { createContext } from "../../generator/runtime/context.js";
import { TransportError } from "../../generator/runtime/errors.js";
import { invoke } from "../../generator/runtime/invoke.js";
import type { OperationSpec } from "../../generator/runtime/types.js";
import { ValidationError } from "../../generator/runtime/validation.js";
import { type Handler, json, localServersPerTest, type Received } from "../helpers/local-server.js";

/**
 * What the client must never do with a merchant's keys, however the server (or a path
 * parameter, or a mistyped option) tries: send them to another origin, read an endless answer,
 * or show them in an error.
 */
const KEYS = {
  merchant: "merchant-5f2c9d1e",
  paymentKey: "pay/key+9f8e 7d6c",
  payoutKey: "PAYOUT-KEY-1a2b3c",
  apiKey: "api/key+0123 4567&x",
};

const server = localServersPerTest();

function views(error: unknown): string {
  const e = error as Error;
  return [
    String(e),
    e.message,
    JSON.stringify(e),
    inspect(e),
    inspect(e, { showHidden: true, depth: 10 }),
    e.stack ?? "",
    String(e.cause),
    inspect(e.cause, { depth: 10 }),
  ].join("\n");
}

/** One call of each provider's client against `baseUrl`. */
const calls = {
  cryptomus: (baseUrl: string) =>
    createCryptomusClient({ ...KEYS, baseUrl, retry: false }).listPayments({
      body: { date_from: "2023-05-04 00:00:00" },
    }),
  cryptocloud: (baseUrl: string) =>
    createCryptoCloudClient({ apiKey: KEYS.apiKey, baseUrl, retry: false }).getInvoiceInfo({
      body: { uuids: ["INV-XXXXXXXX"] },
    }),
  morune: (baseUrl: string) =>
    createMoruneClient({ apiKey: KEYS.apiKey, baseUrl, retry: false }).getInvoiceInfo({
      query: { shop_id: "79cf5d6e-c481-4349-84d0-c956b628d118", order_id: "1" },
    }),
};

describe("credentials never leave the configured origin", () => {
  it.each(
    Object.entries(calls).flatMap(([provider, call]) =>
      [301, 302, 303, 307, 308].map((status) => [provider, status, call] as const),
    ),
  )("%s: an undocumented %s to another host is not followed, and is a typed error", async (_provider, status, call) => {
    const elsewhere = await server(json(200, { state: 0, status: "success", result: {} }));
    const provider = await server((_req, res) => {
      res.writeHead(status, { location: `${elsewhere.url}/steal`, "content-type": "text/plain" });
      res.end("moved");
    });
    const error = await call(provider.url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as UnexpectedResponseError).message).toContain(
      `redirect not followed: credentials are only ever sent to ${provider.url}`,
    );
    expect(elsewhere.received).toEqual([]);
  });

  it("a documented 3xx is its typed result, and is not followed either", async () => {
    const elsewhere = await server(json(200, {}));
    const provider = await server((_req, res) => {
      res.writeHead(302, { location: `${elsewhere.url}/pay` });
      res.end();
    });
    const op: OperationSpec = {
      id: "startPayment",
      method: "GET",
      path: "/pay",
      auth: [],
      responses: { "302": null, "400": "application/json" },
      idempotent: true,
    };
    const ctx = createContext({ provider: "shop", baseUrl: provider.url, credentials: [], required: [] }, {});
    const result = (await invoke(ctx, op)) as { ok: boolean; status: number; response: Response };
    expect(result).toMatchObject({ ok: true, status: 302 });
    expect(result.response.headers.get("location")).toBe(`${elsewhere.url}/pay`);
    expect(elsewhere.received).toEqual([]);
  });

  it("an answer a custom fetch fetched from another origin (it followed a redirect) is not handed back as the provider's", async () => {
    const elsewhere = await server(json(200, { state: 0, result: { items: [], paginate: {} } }));
    const provider = await server((_req, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/v1/payment/list` });
      res.end();
    });
    const following: typeof fetch = (input, init) => fetch(input, { ...init, redirect: "follow" });
    const client = createCryptomusClient({ ...KEYS, baseUrl: provider.url, retry: false, fetch: following });
    await expect(client.listPayments({ body: {} })).rejects.toThrow(
      `answer from another origin than ${provider.url}, not used`,
    );
  });
});

/** A server that writes `chunk` until the client goes away, counting what it wrote. */
function endless(status: number, chunk: string, headers: Record<string, string> = {}) {
  const written = { bytes: 0 };
  const handler: Handler = (_req, res) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    const pump = () => {
      while (!res.destroyed && res.write(chunk)) written.bytes += chunk.length;
      if (!res.destroyed) res.once("drain", pump);
    };
    res.on("close", () => res.removeAllListeners("drain"));
    pump();
  };
  return { handler, written };
}

describe("no answer can exhaust memory", () => {
  const LIMIT = 256 * 1024;

  it("an endless success body is cut at maxBodyBytes: a typed error, the stream cancelled", async () => {
    const { handler, written } = endless(200, `{"state":0,"result":"${"x".repeat(64 * 1024)}`);
    const provider = await server(handler);
    const client = createCryptomusClient({ ...KEYS, baseUrl: provider.url, retry: false, maxBodyBytes: LIMIT });
    const error = await client.listPayments({ body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toContain(`body larger than maxBodyBytes (${LIMIT} bytes), not read further`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // What the socket buffers took besides the limit; nowhere near an endless read.
    expect(written.bytes).toBeLessThan(LIMIT + 8 * 1024 * 1024);
  });

  it("a declared Content-Length over the limit is refused before reading", async () => {
    const provider = await server(json(200, { state: 0, result: "x".repeat(LIMIT) }));
    const client = createCryptomusClient({ ...KEYS, baseUrl: provider.url, retry: false, maxBodyBytes: LIMIT });
    await expect(client.listPayments({ body: {} })).rejects.toThrow("body larger than maxBodyBytes");
  });

  it("an endless error body is read only as far as its excerpt needs", async () => {
    const { handler, written } = endless(599, "y".repeat(64 * 1024), { "content-type": "text/html" });
    const provider = await server(handler);
    const error = (await calls.cryptocloud(provider.url).catch((e: unknown) => e)) as UnexpectedResponseError;
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error.bodyExcerpt).toMatch(/^y{199}…$/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written.bytes).toBeLessThan(8 * 1024 * 1024);
  });

  it("refuses a maxBodyBytes that is not a positive whole number", () => {
    expect(() => createCryptomusClient({ ...KEYS, maxBodyBytes: 0 })).toThrow(ConfigurationError);
    expect(() => createCryptomusClient({ ...KEYS, maxBodyBytes: Number.POSITIVE_INFINITY })).toThrow(
      "maxBodyBytes must be a positive whole number of bytes",
    );
  });
});

describe("path parameters cannot move a request", () => {
  const op: OperationSpec = {
    id: "getThing",
    method: "GET",
    path: "/v1/things/{kind}/list",
    auth: [[{ kind: "credential", in: "header", name: "x-api-key", option: "apiKey", prefix: "" }]],
    responses: { "200": "application/json" },
    idempotent: true,
  };

  it.each([".", "..", "%2e", "%2E%2e"])(
    "a path parameter %j that the URL would resolve as a dot segment is refused before sending",
    async (kind) => {
      const provider = await server(json(200, {}));
      const ctx = createContext(
        { provider: "shop", baseUrl: provider.url, credentials: ["apiKey"], required: ["apiKey"] },
        { apiKey: KEYS.apiKey } as object,
      );
      const error = await invoke(ctx, op, { path: { kind } }).catch((e: unknown) => e);
      if (kind.startsWith("%")) {
        // Percent signs are themselves encoded, so the server sees the literal text.
        expect(error).toMatchObject({ ok: true });
        expect(provider.received.map((r: Received) => r.url)).toEqual([`/v1/things/${encodeURIComponent(kind)}/list`]);
      } else {
        expect(error).toBeInstanceOf(ValidationError);
        expect(provider.received).toEqual([]);
      }
    },
  );
});

describe("no secret in any error, in any encoding a server or URL parser produces", () => {
  const encodings: Record<string, (s: string) => string> = {
    "JSON \\/ escapes": (s) => JSON.stringify(s).slice(1, -1).replace(/\//g, "\\/"),
    "JSON \\u escapes, lower case": (s) =>
      [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""),
    "JSON \\u escapes, mixed with raw text": (s) =>
      [...s].map((c, i) => (i % 2 ? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` : c)).join(""),
    "URL component encoding": encodeURIComponent,
    "form encoding (+ for spaces)": (s) => new URLSearchParams({ k: s }).toString().slice(2),
    "lower-case percent-encoding of every byte": (s) =>
      [...Buffer.from(s)].map((b) => `%${b.toString(16).padStart(2, "0")}`).join(""),
    "HTML character references": (s) => [...s].map((c) => `&#${c.charCodeAt(0)};`).join(""),
  };

  it.each(Object.entries(encodings))("a server echoing the keys with %s", async (_, encode) => {
    const provider = await server(json(599, { echo: Object.values(KEYS).map(encode).join(" | ") }));
    // Each client knows (and so can redact) its own keys.
    const known = { cryptomus: [KEYS.paymentKey, KEYS.payoutKey], cryptocloud: [KEYS.apiKey], morune: [KEYS.apiKey] };
    for (const [name, call] of Object.entries(calls)) {
      const error = await call(provider.url).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnexpectedResponseError);
      for (const key of known[name as keyof typeof known]) {
        for (const form of Object.values(encodings)) expect(views(error)).not.toContain(form(key));
        expect(views(error)).not.toContain(key);
      }
    }
  });

  it("a baseUrl with a user and password is refused, and no part of it is echoed", () => {
    const error = (() => {
      try {
        createMoruneClient({ apiKey: KEYS.apiKey, baseUrl: "https://merchant:hunter2-password@api.example.test" });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(views(error)).toContain("baseUrl must not carry a user name or password");
    expect(views(error)).not.toContain("hunter2");
  });

  it.each([
    "not a url with hunter2-secret",
    "ftp://hunter2-secret.example.test",
    "https://api.example.test/?key=hunter2-secret",
  ])("a bad baseUrl %j is not echoed", (baseUrl) => {
    const error = (() => {
      try {
        createMoruneClient({ apiKey: KEYS.apiKey, baseUrl });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(views(error)).not.toContain("hunter2");
  });

  it("a transport failure whose low-level message quotes the URL with a query key keeps no key, in the cause either", async () => {
    const op: OperationSpec = {
      id: "getThing",
      method: "GET",
      path: "/things",
      auth: [[{ kind: "credential", in: "query", name: "key", option: "apiKey", prefix: "" }]],
      responses: { "200": "application/json" },
      idempotent: false,
    };
    const failing: typeof fetch = async (input) => {
      throw new TypeError(`Failed to parse URL from ${String(input)}`, {
        cause: new Error(`bad host in ${String(input)}`),
      });
    };
    const ctx = createContext(
      { provider: "shop", baseUrl: "https://api.example.test", credentials: ["apiKey"], required: ["apiKey"] },
      { apiKey: KEYS.apiKey, fetch: failing } as object,
    );
    const error = await invoke(ctx, op).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(views(error)).toContain("Failed to parse URL from https://api.example.test/things?key=[redacted]");
    expect(views(error)).not.toContain(encodeURIComponent(KEYS.apiKey));
    expect(views(error)).not.toContain(KEYS.apiKey);
  });
});
