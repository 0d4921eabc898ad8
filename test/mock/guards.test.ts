import { describe, expect, it } from "vitest";
import type { OperationModel, ResponseModel } from "../../generator/model/types.js";
import { getRequestSigner, requestSigners } from "../../generator/runtime/signing.js";
import { checkExactlyOneOf, checkSignature, type GuardedRequest } from "../../mock/guards.js";

// Hand-made operations: the guards are generic, so they are tested without any spec.
const algorithm = Object.keys(requestSigners)[0]!;
const response = (status: string, examples: Record<string, unknown> = {}): ResponseModel => ({ status, ok: status.startsWith("2"), contentType: "application/json", examples });

function op(extra: Partial<OperationModel>): OperationModel {
  return { id: "op", method: "post", path: "/x", pointer: "#", deprecated: false, parameters: [], responses: [response("200")], security: [], idempotent: false, ...extra };
}

function req(body: string, headers: Record<string, string> = {}, query = ""): GuardedRequest {
  return { body, headers, query: new URLSearchParams(query) };
}

const signed = op({
  security: [[{ kind: "signature", scheme: "s", name: "sign", algorithm, option: "key" }]],
  responses: [response("200"), response("401", { first: { message: "nope" }, second: { message: "other" } })],
});
const secrets = { key: "secret" };

describe("checkSignature", () => {
  const sign = getRequestSigner(algorithm);

  it("passes the right signature over the exact body, including the empty body", () => {
    expect(checkSignature(signed, req('{"a":1}', { sign: sign('{"a":1}', "secret") }), secrets)).toBeUndefined();
    expect(checkSignature(signed, req("", { sign: sign("", "secret") }), secrets)).toBeUndefined();
  });

  it("refuses a missing, wrong or differently long signature with the first documented 401 example", () => {
    for (const headers of [{}, { sign: sign('{"a":1}', "other") }, { sign: "short" }, { sign: sign('{"a":2}', "secret") }]) {
      const refusal = checkSignature(signed, req('{"a":1}', headers), secrets);
      expect(refusal).toMatchObject({ status: 401, contentType: "application/json", body: { message: "nope" } });
    }
  });

  it("falls back to a generic body when no 401 is documented", () => {
    const bare = op({ security: signed.security });
    expect(checkSignature(bare, req("", {}), secrets)?.body).toEqual({ message: "invalid signature" });
  });

  it("leaves operations without a signature, or with an alternative without one, to Prism", () => {
    expect(checkSignature(op({}), req("", {}), secrets)).toBeUndefined();
    const either = op({ security: [...signed.security, [{ kind: "credential", scheme: "k", in: "header", name: "x-key", option: "apiKey", prefix: "" }]] });
    expect(checkSignature(either, req("", {}), secrets)).toBeUndefined();
  });
});

describe("checkExactlyOneOf", () => {
  const parameters = [
    { name: "a", in: "query", required: false },
    { name: "b", in: "header", required: false },
  ] as const;

  it("passes exactly one, wherever the parameter lives", () => {
    const operation = op({ parameters, exactlyOneOf: ["a", "b"] });
    expect(checkExactlyOneOf(operation, req("", {}, "a=1"))).toBeUndefined();
    expect(checkExactlyOneOf(operation, req("", { b: "1" }))).toBeUndefined();
  });

  it("answers the documented 422 example, else the 400 one, else a problem+json 422", () => {
    const with422 = op({ parameters, exactlyOneOf: ["a", "b"], responses: [response("200"), response("400", { e: { bad: 400 } }), response("422", { e: { bad: 422 } })] });
    expect(checkExactlyOneOf(with422, req("", {}))).toMatchObject({ status: 422, body: { bad: 422 } });
    const with400 = op({ parameters, exactlyOneOf: ["a", "b"], responses: [response("200"), response("400", { e: { bad: 400 } }), response("422")] });
    expect(checkExactlyOneOf(with400, req("", { b: "1" }, "a=1"))).toMatchObject({ status: 400, body: { bad: 400 } });
    const bare = op({ parameters, exactlyOneOf: ["a", "b"] });
    expect(checkExactlyOneOf(bare, req("", {}))).toEqual({
      status: 422,
      contentType: "application/problem+json",
      body: { type: "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY", title: "Invalid request", status: 422, detail: "exactly one of a, b is required" },
      violation: expect.objectContaining({ message: expect.stringContaining("got none") }),
    });
  });
});
