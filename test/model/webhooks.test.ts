import { describe, expect, it } from "vitest";
import { buildModel } from "../../generator/model/build-model.js";
import type { WebhookModel } from "../../generator/model/webhooks.js";

/** A minimal document with the given webhooks (and components). */
function webhooksOf(webhooks: Record<string, unknown>, components: Record<string, unknown> = {}): WebhookModel[] {
  const document = { openapi: "3.1.0", info: { title: "Shop", version: "1" }, paths: {}, webhooks, components };
  return [...buildModel({ name: "shop", file: "specs/shop.yaml", document }).webhooks];
}

const signedBody = {
  type: "object",
  required: ["type", "sign"],
  properties: { type: { type: "string", enum: ["paid", "refund"] }, sign: { type: "string" } },
};
const md5 = (extra: Record<string, unknown> = {}) => ({
  algorithm: "md5-base64-php-json",
  secret: "shopKey",
  in: "body",
  name: "sign",
  ...extra,
});
const post = (
  extension: unknown,
  content: Record<string, unknown> = { "application/json": { schema: signedBody } },
) => ({
  post: {
    summary: "S",
    description: "D",
    "x-webhook-signature": extension,
    requestBody: { required: true, content },
    responses: { "200": { description: "ok" } },
  },
});

describe("buildModel: webhooks", () => {
  const cases: {
    name: string;
    given: Record<string, unknown>;
    components?: Record<string, unknown>;
    want: WebhookModel[];
  }[] = [
    { name: "none declared", given: {}, want: [] },
    {
      name: "name, method, pointer, docs, media type, named examples, signature",
      given: {
        paid: post(md5({ description: "The shop key." }), {
          "application/json": {
            schema: signedBody,
            examples: { one: { value: { type: "paid", sign: "x" } }, two: { $ref: "#/components/examples/Two" } },
          },
        }),
      },
      components: { examples: { Two: { value: { type: "refund", sign: "y" } } } },
      want: [
        {
          name: "paid",
          method: "post",
          pointer: "#/webhooks/paid/post",
          summary: "S",
          description: "D",
          mediaTypes: ["application/json"],
          examples: { "application/json": { one: { type: "paid", sign: "x" }, two: { type: "refund", sign: "y" } } },
          signature: {
            algorithm: "md5-base64-php-json",
            secret: "shopKey",
            in: "body",
            name: "sign",
            description: "The shop key.",
          },
        },
      ],
    },
    {
      name: "JSON and form bodies in spec order, a single example as default, claims, refs followed",
      given: { postback: { $ref: "#/components/pathItems/Postback" } },
      components: {
        pathItems: {
          Postback: {
            post: {
              "x-webhook-signature": {
                algorithm: "jwt-hs256",
                secret: "secretKey",
                in: "body",
                name: "token",
                claims: { id: { field: "invoice_id", optionalPrefix: "INV-" } },
              },
              requestBody: { $ref: "#/components/requestBodies/Postback" },
              responses: { "200": { description: "ok" } },
            },
          },
        },
        requestBodies: {
          Postback: {
            content: {
              "application/x-www-form-urlencoded": {
                schema: { $ref: "#/components/schemas/Postback" },
                example: { invoice_id: "A", token: "t" },
              },
              "application/json": { schema: { $ref: "#/components/schemas/Postback" } },
            },
          },
        },
        schemas: {
          Postback: {
            type: "object",
            required: ["invoice_id", "token"],
            properties: { invoice_id: { type: "string" }, token: { type: "string" } },
          },
        },
      },
      want: [
        {
          name: "postback",
          method: "post",
          pointer: "#/webhooks/postback/post",
          mediaTypes: ["application/x-www-form-urlencoded", "application/json"],
          examples: {
            "application/x-www-form-urlencoded": { default: { invoice_id: "A", token: "t" } },
            "application/json": {},
          },
          signature: {
            algorithm: "jwt-hs256",
            secret: "secretKey",
            in: "body",
            name: "token",
            claims: { id: { field: "invoice_id", optionalPrefix: "INV-" } },
          },
        },
      ],
    },
    {
      name: "header signature declared as a header parameter; matches that tell two webhooks apart",
      given: {
        paid: {
          parameters: [{ name: "X-Sig", in: "header", required: true, schema: { type: "string" } }],
          ...post({
            algorithm: "hmac-sha256-hex-sorted-json",
            secret: "k",
            in: "header",
            name: "x-sig",
            match: { type: ["paid"] },
          }),
        },
        refund: post(md5({ match: { type: ["refund"] } })),
      },
      want: [
        {
          name: "paid",
          method: "post",
          pointer: "#/webhooks/paid/post",
          summary: "S",
          description: "D",
          mediaTypes: ["application/json"],
          examples: { "application/json": {} },
          signature: {
            algorithm: "hmac-sha256-hex-sorted-json",
            secret: "k",
            in: "header",
            name: "x-sig",
            match: { type: ["paid"] },
          },
        },
        {
          name: "refund",
          method: "post",
          pointer: "#/webhooks/refund/post",
          summary: "S",
          description: "D",
          mediaTypes: ["application/json"],
          examples: { "application/json": {} },
          signature: {
            algorithm: "md5-base64-php-json",
            secret: "shopKey",
            in: "body",
            name: "sign",
            match: { type: ["refund"] },
          },
        },
      ],
    },
  ];

  it.each(cases)("$name", ({ given, components, want }) => {
    expect(webhooksOf(given, components)).toEqual(want);
  });

  it("leaves out an unsigned webhook (its payload stays typed in schema.gen.ts; requiring a signature is lint's job)", () => {
    expect(webhooksOf({ paid: post(undefined) }).map((w) => w.name)).toEqual([]);
  });

  const failures: { name: string; given: Record<string, unknown>; error: string }[] = [
    {
      name: "a webhook with two operations",
      given: { paid: { ...post(md5()), put: post(md5()).post } },
      error:
        "specs/shop.yaml#/webhooks/paid: unsupported: a webhook with several operations (put, post); declare one notification per webhook name",
    },
    {
      name: "an unknown algorithm, at its pointer",
      given: { paid: post(md5({ algorithm: "crc32" })) },
      error:
        "specs/shop.yaml#/webhooks/paid/post/x-webhook-signature/algorithm: x-webhook-signature.algorithm must be one of",
    },
    {
      name: "a signature field the body does not have",
      given: { paid: post(md5({ name: "signature" })) },
      error:
        'specs/shop.yaml#/webhooks/paid/post/x-webhook-signature/name: the signature field "signature" is not a property of the application/json body schema',
    },
    {
      name: "two webhooks one body could be both of",
      given: {
        paid: post(md5({ match: { type: ["paid", "refund"] } })),
        refund: post(md5({ match: { type: ["refund"] } })),
      },
      error:
        'specs/shop.yaml#/webhooks/refund/post/x-webhook-signature/match: a notification could be both "paid" and "refund"',
    },
  ];

  it.each(failures)("fails on $name", ({ given, error }) => {
    expect(() => webhooksOf(given)).toThrow(error);
  });
});
