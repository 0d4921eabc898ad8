import { describe, expect, it } from "vitest";
import { createContext } from "../../generator/runtime/context.js";
import { invoke } from "../../generator/runtime/invoke.js";
import type { OperationSpec, RequestArgs } from "../../generator/runtime/types.js";
import { type Issue, ValidationError } from "../../generator/runtime/validation.js";

/** An operation whose shop id (query on one, body on the other) a client option can fill. */
function operation(where: "query" | "body"): OperationSpec {
  return {
    id: "createThing",
    method: "POST",
    path: "/things",
    body: "application/json",
    auth: [],
    responses: { "200": "application/json" },
    idempotent: false,
    defaults: [{ in: where, name: "shop_id", option: "shopId" }],
    validateRequest: (args: RequestArgs): Issue[] => {
      const holder = (where === "query" ? args.query : args.body) as Record<string, unknown> | undefined;
      return holder?.shop_id === undefined ? [{ pointer: `/${where}/shop_id`, message: "is required" }] : [];
    },
  };
}

function recorder() {
  const sent: { url: string; body: string | undefined }[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(input), body: typeof init?.body === "string" ? init.body : undefined });
    return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return { sent, fetchImpl };
}

function context(fetchImpl: typeof fetch, shopId?: string) {
  return createContext(
    { provider: "shop", baseUrl: "https://api.example.test", credentials: [], required: [], defaults: ["shopId"] },
    { fetch: fetchImpl, ...(shopId === undefined ? {} : { shopId }) },
  );
}

describe("client-level defaults (x-client-option)", () => {
  it.each([
    { where: "query" as const, args: {}, want: { url: "https://api.example.test/things?shop_id=S1", body: undefined } },
    {
      where: "query" as const,
      args: { query: { shop_id: "S2" } },
      want: { url: "https://api.example.test/things?shop_id=S2", body: undefined },
    },
    {
      where: "body" as const,
      args: { body: { amount: 1 } },
      want: { url: "https://api.example.test/things", body: '{"amount":1,"shop_id":"S1"}' },
    },
    {
      where: "body" as const,
      args: { body: { amount: 1, shop_id: "S2" } },
      want: { url: "https://api.example.test/things", body: '{"amount":1,"shop_id":"S2"}' },
    },
  ])(
    "$where, given $args: the client's shopId fills what the call leaves out, the call's own value wins",
    async ({ where, args, want }) => {
      const { sent, fetchImpl } = recorder();
      await invoke(context(fetchImpl, "S1"), operation(where), args);
      expect(sent).toEqual([want]);
    },
  );

  it("neither the call nor the client gives it: ValidationError naming the option, nothing sent", async () => {
    const { sent, fetchImpl } = recorder();
    const call = invoke(context(fetchImpl), operation("body"), { body: { amount: 1 } });
    await expect(call).rejects.toThrow(ValidationError);
    await expect(call).rejects.toThrow("/body/shop_id is required (pass it, or set the client option shopId)");
    expect(sent).toEqual([]);
  });
});
