import { describe, expect, it } from "vitest";
import type { AuthModel, OperationModel, ResponseModel } from "../../generator/model/types.js";
import { getRequestSigner, requestSigners } from "../../generator/runtime/signing.js";
import { checkCredentials, checkExactlyOneOf, type CredentialContext, type GuardedRequest } from "../../mock/guards.js";
import type { MockOperation } from "../../mock/mock-api.js";

// Hand-made operations: the guards are generic, so they are tested without any spec.
const algorithm = Object.keys(requestSigners)[0]!;
const sign = getRequestSigner(algorithm);
const response = (status: string, examples: Record<string, unknown> = {}): ResponseModel => ({
  status,
  ok: status.startsWith("2"),
  contentType: "application/json",
  examples,
});

function op(extra: Partial<OperationModel>, more: Partial<MockOperation> = {}): MockOperation {
  return {
    model: {
      id: "op",
      method: "post",
      path: "/x",
      pointer: "#",
      deprecated: false,
      parameters: [],
      responses: [response("200")],
      security: [],
      idempotent: false,
      ...extra,
    },
    ...more,
  };
}

function req(body: string | Uint8Array, headers: Record<string, string> = {}, query = ""): GuardedRequest {
  return { body: typeof body === "string" ? Buffer.from(body) : body, headers, query: new URLSearchParams(query) };
}

const signature: AuthModel = { kind: "signature", scheme: "s", name: "sign", algorithm, option: "key" };
const token: AuthModel = {
  kind: "credential",
  scheme: "token",
  in: "header",
  name: "authorization",
  option: "apiKey",
  prefix: "Token ",
};
const errors = [
  response("200"),
  response("401", { first: { message: "nope" }, second: { message: "other" } }),
  response("403", { denied: { message: "denied" } }),
];
const context: CredentialContext = {
  secrets: { key: "secret", apiKey: "k3y", basic: "user:pw" },
  checked: new Set(["s", "token", "q", "c", "b"]),
  unauthorized: new Map(),
};

describe("checkCredentials: signatures", () => {
  const signed = op({ security: [[signature]], responses: errors });

  it("passes the right signature over the exact bytes, the empty body and bytes that are not UTF-8 included", () => {
    const binary = Uint8Array.from([0xff, 0xfe, 0x00, 0x80, 0x7b]);
    for (const body of ['{"a":1}', "", binary])
      expect(checkCredentials(signed, req(body, { sign: sign(body, "secret") }), context)).toBeUndefined();
    // The same bytes decoded to text first would be signed differently: U+FFFD replaces each invalid byte.
    expect(
      checkCredentials(signed, req(binary, { sign: sign(Buffer.from(binary).toString("utf8"), "secret") }), context),
    ).toMatchObject({ status: 401 });
  });

  it("refuses a missing, wrong or differently long signature with the first documented 401 example, naming neither value", () => {
    for (const headers of [
      {},
      { sign: "" },
      { sign: sign('{"a":1}', "other") },
      { sign: "short" },
      { sign: sign('{"a":2}', "secret") },
    ]) {
      const refusal = checkCredentials(signed, req('{"a":1}', headers), context);
      expect(refusal).toMatchObject({
        status: 401,
        contentType: "application/json",
        body: { message: "nope" },
        violation: { location: ["request", "header", "sign"] },
      });
      expect(JSON.stringify(refusal)).not.toContain("secret");
    }
  });
});

describe("checkCredentials: declared credentials", () => {
  const guarded = op({ security: [[token]], responses: errors });

  it("passes the prefix plus the test secret, and refuses anything else", () => {
    expect(checkCredentials(guarded, req("", { authorization: "Token k3y" }), context)).toBeUndefined();
    for (const headers of [
      {},
      { authorization: "k3y" },
      { authorization: "Token wrong" },
      { authorization: "Bearer k3y" },
    ]) {
      expect(checkCredentials(guarded, req("", headers), context)).toMatchObject({
        status: 401,
        body: { message: "nope" },
      });
    }
  });

  it("says whether the credential was missing or wrong, never its value", () => {
    expect(checkCredentials(guarded, req(""), context)?.violation?.message).toBe(
      "missing credential in header authorization (checked by the mock front)",
    );
    const wrong = checkCredentials(guarded, req("", { authorization: "Token leaked" }), context);
    expect(wrong?.violation?.message).toBe("wrong credential in header authorization (checked by the mock front)");
    expect(JSON.stringify(wrong)).not.toMatch(/leaked|k3y/);
  });

  it("reads query, cookie and basic credentials where the scheme puts them", () => {
    const query = op({
      security: [[{ ...token, scheme: "q", in: "query", name: "key", prefix: "" }]],
      responses: errors,
    });
    expect(checkCredentials(query, req("", {}, "key=k3y"), context)).toBeUndefined();
    expect(checkCredentials(query, req("", {}, "key=nope"), context)).toMatchObject({ status: 401 });
    const cookie = op({
      security: [[{ ...token, scheme: "c", in: "cookie", name: "session", prefix: "" }]],
      responses: errors,
    });
    expect(checkCredentials(cookie, req("", { cookie: "a=1; session=k3y" }), context)).toBeUndefined();
    expect(checkCredentials(cookie, req("", { cookie: "session=other" }), context)).toMatchObject({ status: 401 });
    const basic = op({
      security: [[{ ...token, scheme: "b", option: "basic", prefix: "Basic ", encoding: "base64" }]],
      responses: errors,
    });
    expect(
      checkCredentials(
        basic,
        req("", { authorization: `Basic ${Buffer.from("user:pw").toString("base64")}` }),
        context,
      ),
    ).toBeUndefined();
    expect(checkCredentials(basic, req("", { authorization: "Basic user:pw" }), context)).toMatchObject({
      status: 401,
    });
  });

  it("leaves a scheme without x-credential to Prism, which checks only that it is there", () => {
    const unchecked = op({ security: [[{ ...token, scheme: "plain" }]], responses: errors });
    expect(checkCredentials(unchecked, req(""), context)).toBeUndefined();
    expect(checkCredentials(unchecked, req("", { authorization: "anything" }), context)).toBeUndefined();
  });

  it("answers x-mock-unauthorized's named answer for each case, else the 401, else the 403, else a generic 401", () => {
    const declared = {
      ...context,
      unauthorized: new Map([["token", { missing: { status: 401, example: "second" }, wrong: { status: 403 } }]]),
    };
    expect(checkCredentials(guarded, req(""), declared)).toMatchObject({ status: 401, body: { message: "other" } });
    expect(checkCredentials(guarded, req("", { authorization: "Token no" }), declared)).toMatchObject({
      status: 403,
      body: { message: "denied" },
    });
    const only403 = op({
      security: [[token]],
      responses: [response("200"), response("403", { denied: { message: "denied" } })],
    });
    expect(checkCredentials(only403, req(""), context)).toMatchObject({ status: 403, body: { message: "denied" } });
    const none = op({ security: [[token]] });
    expect(checkCredentials(none, req(""), context)).toMatchObject({
      status: 401,
      body: { message: "mock front: missing credential" },
    });
  });
});

describe("checkCredentials: alternatives", () => {
  it("passes when one alternative is complete, and reports the first alternative's first problem otherwise", () => {
    const either = op({
      security: [[token, signature], [{ ...token, scheme: "q", in: "query", name: "key", prefix: "" }]],
      responses: errors,
    });
    expect(checkCredentials(either, req("", {}, "key=k3y"), context)).toBeUndefined();
    expect(
      checkCredentials(either, req("", { authorization: "Token k3y", sign: sign("", "secret") }), context),
    ).toBeUndefined();
    expect(checkCredentials(either, req("", { authorization: "Token k3y" }), context)?.violation?.message).toContain(
      "missing signature in header sign",
    );
  });

  it("lets everything through without security, or with an alternative that needs nothing", () => {
    expect(checkCredentials(op({}), req(""), context)).toBeUndefined();
    expect(checkCredentials(op({ security: [[token], []] }), req(""), context)).toBeUndefined();
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

  it("answers the provider's refusal template naming both fields, when the spec declares one", () => {
    const invalid = {
      status: 422,
      body: { errors: { "{field}": ["{rule}"] } },
      rules: { exactlyOneOf: "required_without" },
    };
    const refusal = checkExactlyOneOf(
      op({ parameters, exactlyOneOf: ["a", "b"] }, { invalid }),
      req("", { b: "1" }, "a=1"),
    );
    expect(refusal).toMatchObject({
      status: 422,
      contentType: "application/json",
      body: { errors: { a: ["required_without"], b: ["required_without"] } },
    });
    expect(refusal?.violation?.message).toContain("got a, b");
  });

  it("answers the documented 422 example, else the 400 one, else a problem+json 422", () => {
    const with422 = op({
      parameters,
      exactlyOneOf: ["a", "b"],
      responses: [response("200"), response("400", { e: { bad: 400 } }), response("422", { e: { bad: 422 } })],
    });
    expect(checkExactlyOneOf(with422, req("", {}))).toMatchObject({ status: 422, body: { bad: 422 } });
    const with400 = op({
      parameters,
      exactlyOneOf: ["a", "b"],
      responses: [response("200"), response("400", { e: { bad: 400 } }), response("422")],
    });
    expect(checkExactlyOneOf(with400, req("", { b: "1" }, "a=1"))).toMatchObject({ status: 400, body: { bad: 400 } });
    const bare = op({ parameters, exactlyOneOf: ["a", "b"] });
    expect(checkExactlyOneOf(bare, req("", {}))).toEqual({
      status: 422,
      contentType: "application/problem+json",
      body: {
        type: "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY",
        title: "Invalid request",
        status: 422,
        detail: "exactly one of a, b is required (x-exactly-one-of), got none",
      },
      violation: expect.objectContaining({ message: expect.stringContaining("got none") }),
    });
  });
});
