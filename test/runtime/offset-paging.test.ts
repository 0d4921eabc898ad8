import { describe, expect, it } from "vitest";
import { createContext } from "../../generator/runtime/context.js";
import { invoke } from "../../generator/runtime/invoke.js";
import { withPaging } from "../../generator/runtime/methods.js";
import { PaginationError } from "../../generator/runtime/paging.js";
import type { OffsetPaginationSpec, OperationSpec, RequestArgs } from "../../generator/runtime/types.js";

/** A list of `total` records served by (offset, limit) windows, recording each request's window. */
function listServer(total: number, limit: OffsetPaginationSpec["limit"]) {
  const windows: { offset: number; limit: number }[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const body = (typeof init?.body === "string" ? JSON.parse(init.body) : {}) as Record<string, number>;
    const read = (name: string, where: string) => Number(where === "body" ? body[name] : url.searchParams.get(name));
    const offset = read("offset", "body");
    const bound = read(limit.name, limit.in);
    windows.push({ offset, limit: bound });
    const end = limit.meaning === "end" ? bound : offset + bound;
    const records = Array.from({ length: Math.max(0, Math.min(end, total) - offset) }, (_, i) => `r${offset + i + 1}`);
    return new Response(JSON.stringify({ result: records }), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  }) as typeof fetch;
  return { windows, fetchImpl };
}

function listOperation(limit: OffsetPaginationSpec["limit"], pageSize = 10): OperationSpec {
  return {
    id: "listRecords",
    method: "POST",
    path: "/list",
    body: "application/json",
    auth: [],
    responses: { "200": "application/json" },
    idempotent: true,
    pagination: { offset: { in: "body", name: "offset" }, limit, pageSize, items: "/result" },
  };
}

interface Page {
  readonly ok: boolean;
  readonly status: number;
  readonly data?: unknown;
}

function client(op: OperationSpec, fetchImpl: typeof fetch) {
  const ctx = createContext(
    { provider: "shop", baseUrl: "https://api.example.test", credentials: [], required: [] },
    { fetch: fetchImpl },
  );
  return withPaging<RequestArgs, Page, string>(ctx, op, (args) => invoke<Page>(ctx, op, args));
}

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("offset paging (x-pagination offset/limit)", () => {
  it.each([
    {
      meaning: "end" as const,
      given: { start: 0, limit: 10 },
      want: [
        [0, 10],
        [10, 20],
        [20, 30],
      ],
    },
    {
      meaning: "count" as const,
      given: { start: 0, limit: 10 },
      want: [
        [0, 10],
        [10, 10],
        [20, 10],
      ],
    },
    {
      meaning: "end" as const,
      given: { start: 5, limit: 15 },
      want: [
        [5, 15],
        [15, 25],
        [25, 35],
      ],
    },
  ])("limit as $meaning from $given: windows $want, every record once", async ({ meaning, given, want }) => {
    const limit = { in: "body" as const, name: "limit", meaning };
    const server = listServer(25, limit);
    const list = client(listOperation(limit), server.fetchImpl);
    const records = await collect(list.all({ body: { offset: given.start, limit: given.limit } }));
    expect(records).toEqual(Array.from({ length: 25 - given.start }, (_, i) => `r${given.start + i + 1}`));
    expect(server.windows.map((w) => [w.offset, w.limit])).toEqual(want);
  });

  it("without offset and limit, starts at 0 with the limit's documented default as the page size", async () => {
    const limit = { in: "query" as const, name: "limit", meaning: "count" as const };
    const server = listServer(7, limit);
    const list = client(listOperation(limit, 3), server.fetchImpl);
    expect(await collect(list.all())).toEqual(["r1", "r2", "r3", "r4", "r5", "r6", "r7"]);
    expect(server.windows).toEqual([
      { offset: 0, limit: 3 },
      { offset: 3, limit: 3 },
      { offset: 6, limit: 3 },
    ]);
  });

  it("a full last page costs one more request, which comes back empty and ends the listing", async () => {
    const limit = { in: "body" as const, name: "limit", meaning: "count" as const };
    const server = listServer(20, limit);
    const list = client(listOperation(limit), server.fetchImpl);
    expect(await collect(list.all())).toHaveLength(20);
    expect(server.windows.map((w) => w.offset)).toEqual([0, 10, 20]);
  });

  it("a window that holds no record is refused before anything is sent", async () => {
    const limit = { in: "body" as const, name: "limit", meaning: "end" as const };
    const server = listServer(5, limit);
    const list = client(listOperation(limit), server.fetchImpl);
    await expect(collect(list.all({ body: { offset: 10, limit: 10 } }))).rejects.toThrow(PaginationError);
    expect(server.windows).toEqual([]);
  });

  it("stops with a PaginationError at the default page bound, unless the call sets maxPages", async () => {
    // A server that always answers a full page would be read forever.
    const endless = (async () =>
      new Response(JSON.stringify({ result: ["x", "y"] }), {
        status: 200,
        headers: { "content-type": "application/json" },
      })) as typeof fetch;
    const limit = { in: "body" as const, name: "limit", meaning: "count" as const };
    const list = client(listOperation(limit, 2), endless);
    await expect(collect(list.all())).rejects.toThrow("stopped after 1000 pages (the default maxPages)");
    expect(await collect(list.all(undefined, { maxPages: 3 }))).toHaveLength(6);
  });
});
