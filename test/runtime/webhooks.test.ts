import { describe, expect, it } from "vitest";
import { sameText } from "../../generator/runtime/constant-time.js";
import { MAX_DEPTH, parseOrderedJson } from "../../generator/runtime/ordered-json.js";
import { phpJsonEncode } from "../../generator/runtime/php-json.js";
import { webhookAlgorithms } from "../../generator/runtime/webhook-algorithms.js";
import { readBody, withTree } from "../../generator/runtime/webhook-body.js";
import { signWebhook } from "../../generator/runtime/webhook-signer.js";
import type { WebhookSignatureSpec, WebhookSpec } from "../../generator/runtime/webhook-types.js";
import { createWebhookVerifier } from "../../generator/runtime/webhook-verifier.js";

/*
 * Every expected value below was computed outside this code base by
 * test/runtime/webhook-vectors.py (python3 standard library: json, hashlib, hmac, base64;
 * PHP's re-encoding re-implemented from PHP's C sources). Run it to reproduce them.
 */

const JSON_TYPE = "application/json";
const FORM_TYPE = "application/x-www-form-urlencoded";

function spec(signature: WebhookSignatureSpec, mediaTypes = [JSON_TYPE]): WebhookSpec {
  return { name: "event", mediaTypes, signature };
}

type Result = { ok: true; name: string; payload: Record<string, unknown> } | { ok: false; reason: string };

function verifier(webhook: WebhookSpec, secret: string, clockToleranceSeconds?: number) {
  const options = {
    [webhook.signature.secret]: secret,
    ...(clockToleranceSeconds === undefined ? {} : { clockToleranceSeconds }),
  };
  return createWebhookVerifier<Result>("test", [webhook], options);
}

const MD5: WebhookSignatureSpec = { algorithm: "md5-base64-php-json", secret: "key", in: "body", name: "sign" };
const HMAC: WebhookSignatureSpec = {
  algorithm: "hmac-sha256-hex-sorted-json",
  secret: "key",
  in: "header",
  name: "x-signature",
};
const JWT: WebhookSignatureSpec = {
  algorithm: "jwt-hs256",
  secret: "key",
  in: "body",
  name: "token",
  claims: { id: { field: "invoice_id", optionalPrefix: "INV-" } },
};

/** A JSON body with a field appended, as PHP appends `sign` to the array it encodes. */
function withField(body: string, name: string, value: string): string {
  return `${body.slice(0, -1)},${JSON.stringify(name)}:${JSON.stringify(value)}}`;
}

describe("PHP re-encoding: json_encode(json_decode($text, true), JSON_UNESCAPED_UNICODE)", () => {
  it.each([
    [
      '{"url":"https://x.test/a/b","name":"Привет","tab":"a\\tb"}',
      '{"url":"https:\\/\\/x.test\\/a\\/b","name":"Привет","tab":"a\\tb"}',
    ],
    [
      '{"q":"\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001f\\u007f\\u2028\\u2029 \\ud83d\\ude00 \\/"}',
      '{"q":"\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001f\u007f\\u2028\\u2029 😀 \\/"}',
    ],
    [
      "[1.0,1.50,1e25,0.00001,0.0001,-0,-0.0,12345678901234567890,9223372036854775807,9223372036854775808,1E2,0.1,100000000000000000.0,1e16,1.5e-7,123.456,-2.5e-5]",
      "[1,1.5,1.0e+25,1.0e-5,0.0001,0,-0,1.2345678901234567e+19,9223372036854775807,9.223372036854776e+18,100,0.1,1.0e+17,10000000000000000,1.5e-7,123.456,-2.5e-5]",
    ],
    ['{"0":"a","1":"b"}', '["a","b"]'],
    ['{"1":"a","0":"b"}', '{"1":"a","0":"b"}'],
    ['{"a":{},"b":[],"c":{"0":{"x":null}}}', '{"a":[],"b":[],"c":[{"x":null}]}'],
    ['{"b":1,"a":2,"10":3,"":true}', '{"b":1,"a":2,"10":3,"":true}'],
  ])("%s → %s", (input, want) => {
    const parsed = parseOrderedJson(input);
    expect(parsed.ok && phpJsonEncode(parsed.node)).toBe(want);
  });

  it("refuses what PHP cannot encode: a number beyond the double range", () => {
    const parsed = parseOrderedJson("[1e999]");
    expect(parsed.ok && phpJsonEncode(parsed.node)).toBeUndefined();
  });
});

describe("ordered JSON parser", () => {
  it("keeps key order (integer-like keys too) and number text", () => {
    expect(parseOrderedJson('{"b":1.0,"1":2e3}')).toEqual({
      ok: true,
      node: {
        kind: "object",
        entries: [
          ["b", { kind: "number", text: "1.0" }],
          ["1", { kind: "number", text: "2e3" }],
        ],
      },
    });
  });

  it.each([
    ['{"a":1,"a":2}', /duplicate key "a"/],
    ['{"a":1,}', /offset 7, expected a key string/],
    ["[01]", /offset 2/],
    ['"\\ud800"', /low surrogate/],
    ['"\\udc00"', /unpaired low surrogate/],
    ['"a\nb"', /escaped control character/],
    ['"\\x"', /valid escape/],
    ["{} {}", /end of the document/],
    ["", /unexpected end of input/],
  ])("refuses %j", (text, error) => {
    const parsed = parseOrderedJson(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.error).toMatch(error);
  });

  it("accepts nesting up to PHP's default depth (512) and refuses one level more", () => {
    const nested = (levels: number) => "[".repeat(levels) + "]".repeat(levels);
    expect(parseOrderedJson(nested(MAX_DEPTH)).ok).toBe(true);
    expect(parseOrderedJson(nested(MAX_DEPTH + 1))).toEqual({ ok: false, error: "nested deeper than 512 levels" });
  });
});

describe("constant-time comparison", () => {
  it.each([
    ["abc", "abc", true],
    ["abc", "abd", false],
    ["abc", "abcd", false],
    ["", "", true],
  ])("sameText(%j, %j) is %s", (a, b, want) => {
    expect(sameText(a, b)).toBe(want);
  });
});

describe("algorithm vectors", () => {
  it("every registered algorithm has vectors here", () => {
    expect(Object.keys(webhookAlgorithms).sort()).toEqual([
      "hmac-sha256-hex-sorted-json",
      "jwt-hs256",
      "md5-base64-php-json",
    ]);
  });

  describe("md5-base64-php-json", () => {
    it.each([
      [
        '{"type":"payment","url":"https://shop.test/a/b","name":"Привет"}',
        "payment-key",
        "4cb86e48946f77940d3ab3e3ca1ba14b",
      ],
      [
        '{"type":"payout","amount":"3.00","nested":{"a":[1,2,{"b":"c/d"}]}}',
        "payout-key",
        "3ab3ea1e14f2ce10a8da708b3b8e9c2d",
      ],
      ['{"type":"payment","amount":1.0}', "k", "6619e0bc384025cb5b74b7fde639b919"],
    ])("%s with %s → %s", async (body, key, sign) => {
      expect(await verifier(spec(MD5), key).verify(withField(body, "sign", sign), {})).toMatchObject({
        ok: true,
        name: "event",
      });
      // The sign side computes the same value from the parsed payload.
      const signed = await signWebhook(spec(MD5), JSON.parse(body) as Record<string, unknown>, key);
      expect((JSON.parse(signed.body) as { sign: string }).sign).toBe(sign);
    });

    it("signs the PHP form whichever escaping the body arrived with (\\/ or /)", async () => {
      const escaped = withField(
        '{"type":"payment","url":"https:\\/\\/shop.test\\/a\\/b","name":"\\u041f\\u0440\\u0438\\u0432\\u0435\\u0442"}',
        "sign",
        "4cb86e48946f77940d3ab3e3ca1ba14b",
      );
      expect(await verifier(spec(MD5), "payment-key").verify(escaped, {})).toMatchObject({ ok: true });
    });

    it("does not hash the body with sign still in it, nor accept another key", async () => {
      const body = withField('{"type":"payment","amount":1.0}', "sign", "6619e0bc384025cb5b74b7fde639b919");
      expect(await verifier(spec(MD5), "other").verify(body, {})).toEqual({
        ok: false,
        reason: "signature does not match the body (changed body or wrong key)",
      });
    });
  });

  describe("hmac-sha256-hex-sorted-json", () => {
    const body = '{"b":"x/y","a":"Привет","c":{"z":1,"y":[true,null]}}';
    it.each([
      ["compact, unicode raw (JSON.stringify)", "a474a4205b2127001073c54de0f3e3602dc1fe83dd15290b3887d73c5a3c9cd9"],
      ["spaced, ASCII (Python json.dumps default)", "40f4cf530e683917bb3cd8f8ea9edd12bba28f1828980b36e4d8148421c100e9"],
      ["compact, ASCII", "c96207181c92b61135df6508eeaaa24e436aa62dedb435063a588295b70b7c80"],
      ["spaced, unicode raw", "7b4ef6a4c46fee292c1cc476c0b8e1ae402f6647fd8682431b522dd93c73b78f"],
    ])("accepts the %s serialization", async (_, digest) => {
      expect(await verifier(spec(HMAC), "additional-key").verify(body, { "x-signature": digest })).toMatchObject({
        ok: true,
      });
    });

    it("signs as Python's json.dumps(sort_keys=True)", async () => {
      const signed = await signWebhook(spec(HMAC), { amount: "100.00", status: "success" }, "k");
      expect(signed.headers["x-signature"]).toBe("6a33a036efcf6cc56219e44e60449bf97ee0e423779c6579f2b67da350e1247c");
    });

    it("rejects a digest of another key", async () => {
      const digest = "640676cee99e5e0c1832d0cacf04e443d39b9926e11576f1e72d78d7e1416243";
      expect(
        await verifier(spec(HMAC), "k2").verify('{"amount":"100.00","status":"success"}', { "x-signature": digest }),
      ).toMatchObject({
        ok: false,
        reason: "signature does not match the body (changed body or wrong key)",
      });
    });
  });

  describe("jwt-hs256", () => {
    const VALID =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IklOVi1YWTEyQUIzNCIsImV4cCI6NDEwMjQ0NDgwMH0.Gq4aWmn7RaaryzMILuDLTg0o_I5D9SBpzJrz2cG6vJo";
    const EXPIRED =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IklOVi1YWTEyQUIzNCIsImV4cCI6MTcwMDAwMDMwMH0.0D2_PuEBZGSY8fz-LVc6ADfE0-ap8jZ8sO_dYVkIN_4";
    const NO_EXP =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IklOVi1YWTEyQUIzNCJ9.zIVzaoLH3mhL6kTg-tKYHWmkqLqydEf2shMf5SFgf40";
    const HS512 =
      "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJpZCI6IklOVi1YWTEyQUIzNCIsImV4cCI6NDEwMjQ0NDgwMH0.lGU1CZS_OL0YPyBJ_APdqodqh7RIABjhYMFGcma7SRA";
    const body = (token: string, invoice = "XY12AB34") =>
      JSON.stringify({ status: "success", invoice_id: invoice, token });

    it.each([
      ["a token valid until 2100, id with INV-, invoice_id without", body(VALID), "secret-key", { ok: true }],
      ["the same with INV- on both sides", body(VALID, "INV-XY12AB34"), "secret-key", { ok: true }],
      ["an expired token", body(EXPIRED), "secret-key", { ok: false, reason: "token expired" }],
      ["a token without exp", body(NO_EXP), "secret-key", { ok: false, reason: 'token claim "exp" is missing' }],
      ["a token with another alg", body(HS512), "secret-key", { ok: false, reason: "token is not signed with HS256" }],
      [
        "a token of another key",
        body(VALID),
        "other-key",
        { ok: false, reason: "token signature does not match (wrong key or altered token)" },
      ],
      [
        "a token for another invoice",
        body(VALID, "ZZ99ZZ99"),
        "secret-key",
        { ok: false, reason: "token was issued for another invoice_id" },
      ],
    ])("%s", async (_, text, key, want) => {
      expect(await verifier(spec(JWT), key).verify(text, { "content-type": JSON_TYPE })).toMatchObject(want);
    });

    it("reads the token from a form-encoded body too", async () => {
      const form = new URLSearchParams({ status: "success", invoice_id: "XY12AB34", token: VALID }).toString();
      expect(
        await verifier(spec(JWT, [JSON_TYPE, FORM_TYPE]), "secret-key").verify(form, { "content-type": FORM_TYPE }),
      ).toMatchObject({
        ok: true,
        payload: { invoice_id: "XY12AB34" },
      });
    });

    it("refuses a token whose last character has other spare bits (same bytes, different text)", async () => {
      // "o" and "p" differ only in the two bits a 43-character HS256 signature does not use.
      const twin = `${VALID.slice(0, -1)}p`;
      expect(Buffer.from(twin.split(".")[2]!, "base64url")).toEqual(Buffer.from(VALID.split(".")[2]!, "base64url"));
      expect(await verifier(spec(JWT), "secret-key").verify(body(twin), {})).toEqual({
        ok: false,
        reason: 'malformed token: body field "token" is not a compact JWT',
      });
    });

    describe("a claim binding with a pattern compares only claims in the field's form", () => {
      const PATTERNED: WebhookSignatureSpec = {
        ...JWT,
        claims: { id: { field: "invoice_id", optionalPrefix: "INV-", pattern: "^(INV-)?[A-Z0-9]{8}$" } },
      };
      const tokenWith = async (id: unknown) => {
        const { SignJWT } = await import("jose");
        return new SignJWT({ id })
          .setProtectedHeader({ alg: "HS256", typ: "JWT" })
          .setExpirationTime("5m")
          .sign(new TextEncoder().encode("k"));
      };
      it.each([
        ["a numeric id (as the provider's documented token)", 13, { ok: true, claims: { id: 13 } }],
        ["a string id outside the invoice-id form", "13", { ok: true, claims: { id: "13" } }],
        ["the invoice's own id", "INV-XY12AB34", { ok: true, claims: { id: "INV-XY12AB34" } }],
        [
          "an id of the invoice-id form naming another invoice",
          "INV-ZZ99ZZ99",
          { ok: false, reason: "token was issued for another invoice_id" },
        ],
      ])("%s", async (_, id, want) => {
        expect(await verifier(spec(PATTERNED), "k").verify(body(await tokenWith(id)), {})).toMatchObject(want);
      });

      it("still checks the signature, the algorithm and exp", async () => {
        expect(await verifier(spec(PATTERNED), "other").verify(body(await tokenWith(13)), {})).toMatchObject({
          ok: false,
          reason: "token signature does not match (wrong key or altered token)",
        });
        expect(await verifier(spec(PATTERNED), "secret-key").verify(body(EXPIRED), {})).toEqual({
          ok: false,
          reason: "token expired",
        });
      });
    });

    it("honours the clock tolerance around exp", async () => {
      const { SignJWT } = await import("jose");
      const now = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({ id: "XY12AB34" })
        .setProtectedHeader({ alg: "HS256" })
        .setExpirationTime(now - 10)
        .sign(new TextEncoder().encode("k"));
      expect(await verifier(spec(JWT), "k", 30).verify(body(token), {})).toMatchObject({ ok: true });
      expect(await verifier(spec(JWT), "k", 0).verify(body(token), {})).toEqual({ ok: false, reason: "token expired" });
    });
  });
});

describe("reading a body", () => {
  const accepted = [JSON_TYPE, FORM_TYPE];
  const MAX = 1024;
  /** Both stages as the verifier runs them (the ordered parse comes after the signature is found). */
  const parse = (raw: unknown, contentType: string | undefined, declared: readonly string[]) => {
    const read = readBody(raw, contentType, declared, MAX);
    return read.ok ? withTree(read.body) : read;
  };
  it.each([
    ["zero bytes", new Uint8Array(), undefined, "empty body"],
    ["only whitespace", " \n", undefined, "empty body"],
    ["invalid UTF-8", new Uint8Array([0x7b, 0xff, 0x7d]), undefined, "body is not UTF-8 text"],
    ["a byte-order mark before JSON", "\ufeff{}", JSON_TYPE, /^body is not valid JSON/],
    ["a JSON array", "[1]", JSON_TYPE, "body is not a JSON object"],
    ["a repeated JSON key", '{"a":1,"a":1}', JSON_TYPE, 'body is ambiguous: key "a" is repeated'],
    ["a repeated form field", "a=1&a=1", FORM_TYPE, 'body is ambiguous: field "a" is repeated'],
    [
      "more than maxBodyBytes",
      `{"a":"${"x".repeat(MAX)}"}`,
      JSON_TYPE,
      `body is larger than maxBodyBytes (${MAX} bytes)`,
    ],
    [
      "more than maxBodyBytes of UTF-8 in fewer characters",
      `{"a":"${"й".repeat(MAX / 2)}"}`,
      JSON_TYPE,
      `body is larger than maxBodyBytes (${MAX} bytes)`,
    ],
    [
      "a parsed body instead of the raw one",
      { a: 1 },
      JSON_TYPE,
      "the body must be the raw text or bytes as received, not parsed",
    ],
  ] as const)("refuses %s", (_, raw, contentType, reason) => {
    const read = parse(raw, contentType, accepted);
    expect(read.ok).toBe(false);
    expect(read.ok ? "" : read.reason).toMatch(reason);
  });

  it.each([
    ["JSON by content type with parameters", '{"a":"1"}', "application/json; charset=utf-8", "json"],
    ["JSON by its first character when no content type", ' {"a":"1"}', undefined, "json"],
    ["form when no content type and not JSON-looking", "a=1", undefined, "form"],
    ["by its text when the content type names no declared encoding", '{"a":"1"}', "text/plain", "json"],
    [
      "JSON labelled form-encoded when only JSON is declared (PHP curl's default label)",
      '{"a":"1"}',
      FORM_TYPE,
      "json",
      [JSON_TYPE],
    ],
    ["a form labelled JSON as JSON when both are declared (and fails)", "a=1", JSON_TYPE, undefined],
  ] as const)("reads %s", (_, raw, contentType, kind, declared: readonly string[] = accepted) => {
    const read = parse(raw, contentType, declared);
    if (kind === undefined) {
      expect(read).toMatchObject({ ok: false, reason: /^body is not valid JSON/ });
      return;
    }
    expect(read.ok && read.body.kind).toBe(kind);
    expect(read.ok && read.body.value).toEqual({ a: "1" });
  });

  it('keeps a form field named "__proto__" as a field', () => {
    const read = parse("__proto__=x", FORM_TYPE, accepted);
    expect(read.ok && Object.getPrototypeOf(read.body.value)).toBe(Object.prototype);
    expect(read.ok && Object.hasOwn(read.body.value, "__proto__")).toBe(true);
  });
});

describe("createWebhookVerifier", () => {
  it("refuses a missing or empty key, naming the option but no value", () => {
    // Generated options interfaces declare the keys; here they are plain objects.
    const options: Record<string, object> = {
      none: {},
      empty: { key: "" },
      negative: { key: "k", clockToleranceSeconds: -1 },
    };
    expect(() => createWebhookVerifier("test", [spec(MD5)], options.none!)).toThrow(
      'give the key of the notifications to verify: "key"',
    );
    expect(() => createWebhookVerifier("test", [spec(MD5)], options.empty!)).toThrow(
      'option "key" must be a non-empty string',
    );
    expect(() => createWebhookVerifier("test", [spec(MD5)], options.negative!)).toThrow("clockToleranceSeconds");
  });

  it("needs only the keys of the notifications it verifies; another kind is rejected naming its missing key", async () => {
    const payment: WebhookSpec = {
      name: "payment",
      mediaTypes: [JSON_TYPE],
      signature: { ...MD5, secret: "paymentKey", match: { type: ["payment"] } },
    };
    const payout: WebhookSpec = {
      name: "payout",
      mediaTypes: [JSON_TYPE],
      signature: { ...MD5, secret: "payoutKey", match: { type: ["payout"] } },
    };
    const verifier = createWebhookVerifier<Result>("test", [payment, payout], { paymentKey: "payment-key" } as object);
    const signed = async (spec: WebhookSpec, payload: Record<string, unknown>) =>
      (await signWebhook(spec, payload, "payment-key")).body;
    expect(await verifier.verify(await signed(payment, { type: "payment", amount: "1" }))).toMatchObject({
      ok: true,
      name: "payment",
    });
    expect(await verifier.verify(await signed(payout, { type: "payout", amount: "1" }))).toEqual({
      ok: false,
      reason: 'cannot verify a "payout" notification: this verifier was created without the option "payoutKey"',
    });
  });

  it("takes headers from a Headers object or a node:http record, by any case", async () => {
    const signed = await signWebhook(spec(HMAC), { a: 1 }, "k");
    const digest = signed.headers["x-signature"]!;
    expect(await verifier(spec(HMAC), "k").verify(signed.body, new Headers({ "X-Signature": digest }))).toMatchObject({
      ok: true,
    });
    expect(await verifier(spec(HMAC), "k").verify(signed.body, { "X-SIGNATURE": [digest] })).toMatchObject({
      ok: true,
    });
    expect(await verifier(spec(HMAC), "k").verify(signed.body, { "x-signature": [digest, digest] })).toEqual({
      ok: false,
      reason: "malformed signature: more than one x-signature header",
    });
  });

  it("picks the webhook by its match and its key, and names no match it cannot find", async () => {
    const specs: WebhookSpec[] = [
      {
        name: "payment",
        mediaTypes: [JSON_TYPE],
        signature: { ...MD5, secret: "paymentKey", match: { type: ["payment", "wallet"] } },
      },
      {
        name: "payout",
        mediaTypes: [JSON_TYPE],
        signature: { ...MD5, secret: "payoutKey", match: { type: ["payout"] } },
      },
    ];
    const keys: object = { paymentKey: "p", payoutKey: "q" };
    const verify = createWebhookVerifier<Result>("test", specs, keys);
    const payout = await signWebhook(specs[1]!, { type: "payout", id: 1 }, "q");
    expect(await verify.verify(payout.body, {})).toMatchObject({ ok: true, name: "payout" });
    const wallet = await signWebhook(specs[0]!, { type: "wallet", id: 1 }, "p");
    expect(await verify.verify(wallet.body, {})).toMatchObject({ ok: true, name: "payment" });
    // Relabelled as a payout, the body is checked with the payout key and fails.
    expect(await verify.verify(wallet.body.replace('"wallet"', '"payout"'), {})).toMatchObject({
      ok: false,
      reason: /signature does not match/,
    });
    expect(await verify.verify('{"type":"refund","sign":"x"}', {})).toEqual({
      ok: false,
      reason: 'no webhook of this api matches the notification (type: "refund")',
    });
  });

  it("refuses to sign a payload that is not the webhook it names", async () => {
    await expect(
      signWebhook(
        { name: "payout", mediaTypes: [JSON_TYPE], signature: { ...MD5, match: { type: ["payout"] } } },
        { type: "payment" },
        "k",
      ),
    ).rejects.toThrow('the payload is not a "payout" notification');
  });
});
