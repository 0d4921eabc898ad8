import { createHash } from "node:crypto";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createContext } from "../../generator/runtime/context.js";
import {
  ConfigurationError,
  type TimeoutError,
  TransportError,
  UnexpectedResponseError,
} from "../../generator/runtime/errors.js";
import { invoke } from "../../generator/runtime/invoke.js";
import type { OperationSpec } from "../../generator/runtime/types.js";

const SECRET = "super-secret-payment-key";

const signedList: OperationSpec = {
  id: "listThings",
  method: "POST",
  path: "/v1/things/{kind}/list",
  body: "application/json",
  auth: [
    [
      { kind: "credential", in: "header", name: "merchant", option: "merchant", prefix: "" },
      { kind: "signature", name: "sign", algorithm: "md5-base64-body", option: "paymentKey" },
    ],
  ],
  responses: { "200": "application/json", "422": "application/json", "5XX": null },
  idempotent: true,
};

interface Seen {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
}

/** A fetch that records the request and answers with `reply`. */
function fakeFetch(reply: () => Response, seen: Seen[] = []): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push({
      url: String(input),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: typeof init?.body === "string" ? init.body : undefined,
    });
    return reply();
  }) as typeof fetch;
}

function json(status: number, body: unknown, type = "application/json"): Response {
  return new Response(typeof body === "string" ? body : JSON.stringify(body), {
    status,
    headers: { "content-type": type },
  });
}

function context(fetchImpl: typeof fetch, extra: Record<string, string> = {}) {
  return createContext(
    {
      provider: "shop",
      baseUrl: "https://api.example.test/",
      credentials: ["merchant", "paymentKey", "apiKey"],
      required: ["merchant", "paymentKey"],
    },
    { fetch: fetchImpl, ...{ merchant: "m-1", paymentKey: SECRET, ...extra } },
  );
}

const md5b64 = (body: string, key: string) =>
  createHash("md5")
    .update(Buffer.from(body).toString("base64") + key)
    .digest("hex");

describe("invoke: request", () => {
  it("serializes the body once and signs exactly the bytes sent", async () => {
    const seen: Seen[] = [];
    const ctx = context(fakeFetch(() => json(200, { ok: 1 }), seen));
    const body = { url: "https://x/y", name: "Привет" };
    await invoke(ctx, signedList, { path: { kind: "a b" }, query: { cursor: "c/1" }, body });
    const [req] = seen;
    expect(req!.method).toBe("POST");
    expect(req!.url).toBe("https://api.example.test/v1/things/a%20b/list?cursor=c%2F1");
    expect(req!.body).toBe(JSON.stringify(body));
    expect(req!.headers.get("content-type")).toBe("application/json");
    expect(req!.headers.get("merchant")).toBe("m-1");
    expect(req!.headers.get("sign")).toBe(md5b64(req!.body!, SECRET));
  });

  it("without a body sends none and signs the empty string", async () => {
    const seen: Seen[] = [];
    await invoke(context(fakeFetch(() => json(200, {}), seen)), signedList, { path: { kind: "k" } });
    expect(seen[0]!.body).toBeUndefined();
    expect(seen[0]!.headers.has("content-type")).toBe(false);
    expect(seen[0]!.headers.get("sign")).toBe(md5b64("", SECRET));
  });

  it("refuses to sign a body that is not text (multipart, binary), before sending", async () => {
    for (const [body, mediaType] of [
      [{ file: "a" }, "multipart/form-data"],
      [new Uint8Array([1, 2]), "application/octet-stream"],
    ] as const) {
      const seen: Seen[] = [];
      const op: OperationSpec = { ...signedList, body: mediaType };
      await expect(
        invoke(context(fakeFetch(() => json(200, {}), seen)), op, { path: { kind: "k" }, body }),
      ).rejects.toThrow(
        new ConfigurationError("shop", "listThings", `a ${mediaType} body cannot be signed with md5-base64-body`),
      );
      expect(seen).toHaveLength(0);
    }
  });

  it("applies credential prefixes in header, query and cookie", async () => {
    const seen: Seen[] = [];
    const op: OperationSpec = {
      id: "get",
      method: "GET",
      path: "/x",
      auth: [
        [
          { kind: "credential", in: "header", name: "Authorization", option: "apiKey", prefix: "Token " },
          { kind: "credential", in: "query", name: "key", option: "merchant", prefix: "" },
          { kind: "credential", in: "cookie", name: "sid", option: "paymentKey", prefix: "" },
        ],
      ],
      responses: { "200": "application/json" },
      idempotent: true,
    };
    await invoke(
      context(
        fakeFetch(() => json(200, {}), seen),
        { apiKey: "abc" },
      ),
      op,
      { query: { q: 1 } },
    );
    expect(seen[0]!.headers.get("authorization")).toBe("Token abc");
    expect(seen[0]!.url).toBe("https://api.example.test/x?q=1&key=m-1");
    expect(seen[0]!.headers.get("cookie")).toBe(`sid=${SECRET}`);
  });

  it("serializes cookie, header and query parameters in their styles, beside a cookie credential", async () => {
    const seen: Seen[] = [];
    const op: OperationSpec = {
      id: "get",
      method: "GET",
      path: "/x/{id}",
      auth: [[{ kind: "credential", in: "cookie", name: "sid", option: "paymentKey", prefix: "" }]],
      responses: { "200": "application/json" },
      idempotent: true,
      styles: {
        "query:ids": { style: "pipeDelimited", explode: false },
        "header:x-tags": { style: "simple", explode: false },
      },
    };
    await invoke(context(fakeFetch(() => json(200, {}), seen)), op, {
      path: { id: 7 },
      query: { ids: [1, 2], filter: { a: "b" } },
      headers: { "x-tags": ["a", "b"] },
      cookie: { theme: "dark mode" },
    });
    expect(seen[0]!.url).toBe("https://api.example.test/x/7?ids=1|2&a=b");
    expect(seen[0]!.headers.get("x-tags")).toBe("a,b");
    expect(seen[0]!.headers.get("cookie")).toBe(`theme=dark%20mode; sid=${SECRET}`);
  });

  it("uses the first security alternative whose credentials are configured", async () => {
    const seen: Seen[] = [];
    const op: OperationSpec = {
      id: "get",
      method: "GET",
      path: "/x",
      auth: [
        [{ kind: "credential", in: "header", name: "x-api-key", option: "apiKey", prefix: "" }],
        [{ kind: "credential", in: "header", name: "merchant", option: "merchant", prefix: "" }],
      ],
      responses: { "200": "application/json" },
      idempotent: true,
    };
    await invoke(context(fakeFetch(() => json(200, {}), seen)), op);
    expect(seen[0]!.headers.has("x-api-key")).toBe(false);
    expect(seen[0]!.headers.get("merchant")).toBe("m-1");
  });

  it("refuses an operation whose credentials are missing, before sending", async () => {
    const seen: Seen[] = [];
    const op: OperationSpec = {
      ...signedList,
      auth: [[{ kind: "credential", in: "header", name: "k", option: "apiKey", prefix: "" }]],
    };
    await expect(invoke(context(fakeFetch(() => json(200, {}), seen)), op, { path: { kind: "k" } })).rejects.toThrow(
      ConfigurationError,
    );
    expect(seen).toHaveLength(0);
  });

  it("refuses a missing required credential at creation", () => {
    const spec = { provider: "shop", baseUrl: "https://a.test", credentials: ["merchant"], required: ["merchant"] };
    expect(() => createContext(spec, {})).toThrow('option "merchant" must be a non-empty string');
  });
});

describe("invoke: response", () => {
  const call = (reply: () => Response) =>
    invoke<unknown>(context(fakeFetch(reply)), signedList, { path: { kind: "k" } });

  it.each([
    { name: "documented success", reply: () => json(200, { a: 1 }), want: { ok: true, status: 200, data: { a: 1 } } },
    {
      name: "documented error",
      reply: () => json(422, { state: 1 }),
      want: { ok: false, status: 422, error: { state: 1 } },
    },
    {
      name: "range without content",
      reply: () => new Response(null, { status: 503 }),
      want: { ok: false, status: 503, error: undefined },
    },
    {
      name: "JSON with a charset and a vendor type",
      reply: () => json(200, { a: 2 }, "application/vnd.x+json; charset=utf-8"),
      want: { ok: true, status: 200, data: { a: 2 } },
    },
  ])("$name", async ({ reply, want }) => {
    expect(await call(reply)).toMatchObject(want);
  });

  it.each([
    { name: "undocumented status", reply: () => json(418, { x: 1 }), reason: "undocumented status (HTTP 418" },
    {
      name: "HTML instead of JSON",
      reply: () => json(200, "<html>502</html>", "text/html"),
      reason: "expected application/json (HTTP 200, text/html)",
    },
    { name: "truncated JSON", reply: () => json(200, '{"a":'), reason: "body is not valid JSON" },
    { name: "empty body", reply: () => json(200, ""), reason: "empty body where JSON was expected" },
  ])("$name → UnexpectedResponseError", async ({ reply, reason }) => {
    const error = await call(reply).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toContain(reason);
    expect((error as UnexpectedResponseError).provider).toBe("shop");
    expect((error as UnexpectedResponseError).operation).toBe("listThings");
  });

  it("keeps at most 200 characters of the body, with credentials redacted", async () => {
    const body = `{"echo":"${SECRET}"}${"x".repeat(500)}`;
    const error = (await call(() => json(418, body)).catch((e: unknown) => e)) as UnexpectedResponseError;
    expect(error.bodyExcerpt.length).toBeLessThanOrEqual(200);
    expect(error.bodyExcerpt).toContain("[redacted]");
    for (const view of [error.message, String(error), JSON.stringify(error), inspect(error)]) {
      expect(view).not.toContain(SECRET);
    }
  });

  it("wraps network failures in TransportError with a redacted stand-in of the cause (name, code, message)", async () => {
    const cause = Object.assign(
      new TypeError("fetch failed", {
        cause: Object.assign(new Error(`connect to ?key=${encodeURIComponent(SECRET)}`), { code: "ECONNREFUSED" }),
      }),
      { code: "UND_ERR" },
    );
    const failing = (async () => {
      throw cause;
    }) as typeof fetch;
    const error = (await invoke(context(failing), signedList, { path: { kind: "k" } }).catch(
      (e: unknown) => e,
    )) as TransportError;
    expect(error).toBeInstanceOf(TransportError);
    expect(error.cause).not.toBe(cause);
    expect(error.cause).toMatchObject({
      name: "TypeError",
      message: "fetch failed",
      code: "UND_ERR",
      cause: { message: "connect to ?key=[redacted]", code: "ECONNREFUSED" },
    });
    expect(error.message).toBe("shop.listThings: request failed: fetch failed (ECONNREFUSED)");
  });
});

describe("invoke: a lost answer of an operation that is not safe to repeat", () => {
  const createThing: OperationSpec = { ...signedList, id: "createThing", idempotent: false };
  const hanging = ((_input: string | URL | Request, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) =>
      init?.signal?.addEventListener("abort", () => reject(new Error("aborted"))),
    )) as typeof fetch;
  const refusing = (async () => {
    throw new TypeError("fetch failed", {
      cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    });
  }) as typeof fetch;
  const reset = (async () => {
    throw new TypeError("fetch failed", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) });
  }) as typeof fetch;

  it.each([
    ["a timeout of a create", createThing, hanging, true],
    ["a reset connection of a create", createThing, reset, true],
    ["a refused connection of a create (nothing was sent)", createThing, refusing, false],
    ["a timeout of a read", signedList, hanging, false],
  ] as const)("%s: outcomeUnknown %s, and the message says what to do", async (_, op, fetchImpl, unknown) => {
    const error = (await invoke(context(fetchImpl), op, { path: { kind: "k" }, timeoutMs: 20, retry: false }).catch(
      (e: unknown) => e,
    )) as TimeoutError | TransportError;
    expect(error.outcomeUnknown).toBe(unknown);
    expect(error.message.includes("it may have been carried out, so check its outcome")).toBe(unknown);
  });
});
