import { describe, expect, it } from "vitest";
import type { OperationModel, ResponseModel } from "../../generator/model/types.js";
import type { GuardedRequest } from "../../mock/guards.js";
import type { MockOperation } from "../../mock/mock-api.js";
import { planPage } from "../../mock/pages.js";

// Hand-made operations: which page answers which request is decided from the model alone.
function paged(
  pagination: NonNullable<OperationModel["pagination"]>,
  examples: Record<string, unknown>,
  pages: readonly string[],
): MockOperation {
  const success: ResponseModel = { status: "200", ok: true, contentType: "application/json", examples };
  const model: OperationModel = {
    id: "list",
    method: "post",
    path: "/list",
    pointer: "#",
    deprecated: false,
    parameters: [],
    responses: [success],
    security: [],
    idempotent: true,
    pagination,
  };
  return { model, success, pages };
}

function req(query = "", body?: unknown, headers: Record<string, string> = {}): GuardedRequest {
  return {
    body: Buffer.from(body === undefined ? "" : JSON.stringify(body)),
    headers,
    query: new URLSearchParams(query),
  };
}

describe("cursor pages", () => {
  const examples = {
    first: { items: [1, 2], next: "c2" },
    second: { items: [3, 4], next: "c3" },
    last: { items: [5], next: null },
    empty: { items: [], next: null },
  };
  const operation = paged({ cursor: { in: "query", name: "cursor" }, nextCursor: "/next", items: "/items" }, examples, [
    "first",
    "second",
    "last",
  ]);

  it("answers the first page without a cursor, and the page each cursor leads to", () => {
    expect(planPage(operation, req(), false)).toEqual({ prefer: "code=200, example=first" });
    expect(planPage(operation, req("cursor="), false)).toEqual({ prefer: "code=200, example=first" });
    expect(planPage(operation, req("cursor=c2"), false)).toEqual({ prefer: "code=200, example=second" });
    expect(planPage(operation, req("cursor=c3"), false)).toEqual({ prefer: "code=200, example=last" });
  });

  it("refuses a cursor no page handed out, naming the cursor parameter", () => {
    expect(planPage(operation, req("cursor=c4"), false)).toEqual({
      in: "query",
      field: "cursor",
      rule: "cursor",
      message: 'no page of the mock has the cursor "c4"',
    });
  });

  it("in dynamic mode lets Prism make the page up and sets only its next cursor", () => {
    expect(planPage(operation, req(), true)).toEqual({ prefer: "code=200", patch: { pointer: "/next", value: "c2" } });
    expect(planPage(operation, req("cursor=c3"), true)).toEqual({
      prefer: "code=200",
      patch: { pointer: "/next", value: null },
    });
  });

  it("reads a header cursor where the spec puts it", () => {
    const inHeader = paged(
      { cursor: { in: "header", name: "x-cursor" }, nextCursor: "/next", items: "/items" },
      examples,
      ["first", "second", "last"],
    );
    expect(planPage(inHeader, req("", undefined, { "x-cursor": "c2" }), false)).toEqual({
      prefer: "code=200, example=second",
    });
  });

  it("plans nothing for an operation without declared pages", () => {
    const { pages: _, ...unpaged } = operation;
    expect(planPage(unpaged, req(), false)).toBeUndefined();
  });
});

describe("offset pages", () => {
  const examples = {
    first: { result: [1, 2, 3], status: "success" },
    second: { result: [4, 5, 6], status: "success" },
    last: { result: [7], status: "success" },
  };
  const offsetIn = (where: "query" | "body", meaning: "count" | "end") =>
    paged(
      {
        offset: { in: where, name: "offset" },
        limit: { in: where, name: "limit", meaning },
        pageSize: 10,
        items: "/result",
      },
      examples,
      ["first", "second", "last"],
    );

  it("slices the records of every page at the offset and count sent, whatever the page size", () => {
    const operation = offsetIn("query", "count");
    expect(planPage(operation, req("offset=0&limit=2"), false)).toEqual({
      prefer: "code=200, example=first",
      patch: { pointer: "/result", value: [1, 2] },
    });
    expect(planPage(operation, req("offset=2&limit=2"), false)).toEqual({
      prefer: "code=200, example=first",
      patch: { pointer: "/result", value: [3, 4] },
    });
    expect(planPage(operation, req("offset=6&limit=2"), false)).toMatchObject({ patch: { value: [7] } });
    expect(planPage(operation, req("offset=8&limit=2"), false)).toMatchObject({ patch: { value: [] } });
    // No offset or limit: from the first record, the declared default page size.
    expect(planPage(operation, req(), false)).toMatchObject({ patch: { value: [1, 2, 3, 4, 5, 6, 7] } });
  });

  it("reads a limit that is the end index, and fields of the JSON body", () => {
    const operation = offsetIn("body", "end");
    expect(planPage(operation, req("", { offset: 3, limit: 6 }), false)).toMatchObject({ patch: { value: [4, 5, 6] } });
    expect(planPage(operation, req("", { offset: 5, limit: 5 }), false)).toMatchObject({ patch: { value: [] } });
  });

  it("in dynamic mode sets the sliced records into Prism's made-up answer", () => {
    expect(planPage(offsetIn("query", "count"), req("offset=1&limit=1"), true)).toEqual({
      prefer: "code=200",
      patch: { pointer: "/result", value: [2] },
    });
  });

  it("leaves offsets and limits that are not counts to Prism's validation", () => {
    for (const query of ["offset=-1", "offset=x", "limit=1.5"])
      expect(planPage(offsetIn("query", "count"), req(query), false)).toBeUndefined();
  });
});
