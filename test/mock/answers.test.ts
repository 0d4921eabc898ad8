import { describe, expect, it } from "vitest";
import type { OperationModel, ResponseModel } from "../../generator/model/types.js";
import { AnswerQueue, transientBody } from "../../mock/answers.js";
import type { MockApi } from "../../mock/mock-api.js";

const response = (status: string, examples: Record<string, unknown> = {}): ResponseModel => ({
  status,
  ok: status.startsWith("2"),
  contentType: "application/json",
  examples,
});
const model: OperationModel = {
  id: "list",
  method: "get",
  path: "/list",
  pointer: "#",
  deprecated: false,
  parameters: [],
  responses: [response("200", { page: {}, empty: {} }), response("422", { bad: {} }), response("4XX")],
  security: [],
  idempotent: true,
};
const api = { name: "shop", operations: [{ model }] } as unknown as MockApi;

describe("AnswerQueue", () => {
  it("forces a documented status (with one of its examples) through Prism's Prefer header", () => {
    const queue = new AnswerQueue(api);
    queue.add("list", { status: 422 });
    expect(queue.take("list")).toEqual({ prefer: "code=422" });
    queue.reset();
    queue.add("list", { status: 200, example: "empty" });
    expect(queue.take("list")).toEqual({ prefer: "code=200, example=empty" });
  });

  it("finds the status of a named example", () => {
    const queue = new AnswerQueue(api);
    queue.add("list", { example: "bad" });
    expect(queue.take("list")).toEqual({ prefer: "code=422, example=bad" });
  });

  it("answers undocumented transient failures itself", () => {
    const queue = new AnswerQueue(api);
    for (const status of [408, 429, 500, 503]) queue.add("list", { status, times: 1 });
    expect([1, 2, 3, 4].map(() => queue.take("list"))).toEqual([
      { status: 408 },
      { status: 429 },
      { status: 500 },
      { status: 503 },
    ]);
    expect(transientBody(503)).toBe("503 Service Unavailable (forced by the mock)");
  });

  it("uses each choice for its number of calls, in the order queued, then answers as usual", () => {
    const queue = new AnswerQueue(api);
    queue.add("list", { status: 503, times: 2 });
    queue.add("list", { status: 422, times: 1 });
    expect([1, 2, 3, 4].map(() => queue.take("list"))).toEqual([
      { status: 503 },
      { status: 503 },
      { prefer: "code=422" },
      undefined,
    ]);
  });

  it("keeps a choice without times until reset", () => {
    const queue = new AnswerQueue(api);
    queue.add("list", { status: 422 });
    expect([1, 2, 3].map(() => queue.take("list"))).toEqual([
      { prefer: "code=422" },
      { prefer: "code=422" },
      { prefer: "code=422" },
    ]);
    queue.reset();
    expect(queue.take("list")).toBeUndefined();
  });

  it.each([
    ["an unknown operation", "nope", { status: 422 }, 'shop has no operation "nope" (its operations: list)'],
    ["no answer at all", "list", {}, "say which answer"],
    [
      "an undocumented client error",
      "list",
      { status: 409 },
      "list documents no 409 answer (it documents 200, 422; undocumented, only 408, 429 and 5xx can be forced)",
    ],
    ["an unknown example", "list", { example: "missing" }, 'list has no example "missing"'],
    [
      "an example of another status",
      "list",
      { status: 422, example: "empty" },
      'list\'s 422 answer has no example "empty" (its examples: bad)',
    ],
    [
      "an example with an undocumented status",
      "list",
      { status: 503, example: "empty" },
      "list documents no 503 answer",
    ],
    ["a count that is not one", "list", { status: 422, times: 0 }, "times must be a positive integer, got 0"],
  ])("refuses %s, saying why", (_, operation, choice, message) => {
    expect(() => new AnswerQueue(api).add(operation, choice)).toThrow(message);
  });
});
