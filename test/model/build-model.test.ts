import { describe, expect, it } from "vitest";
import { buildModel } from "../../generator/model/build-model.js";
import type { ApiModel, OperationModel } from "../../generator/model/types.js";

/** A minimal document around the given fragments. */
function doc(fragment: Record<string, unknown>): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: { title: "Shop", version: "1" },
    servers: [{ url: "https://api.example.test/" }],
    paths: {},
    ...fragment,
  };
}

const ok = { "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } } };

function model(fragment: Record<string, unknown>): ApiModel {
  return buildModel({ name: "shop", file: "specs/shop.yaml", document: doc(fragment) });
}

function onlyOperation(fragment: Record<string, unknown>): OperationModel {
  const ops = model(fragment).operations;
  expect(ops).toHaveLength(1);
  return ops[0]!;
}

describe("buildModel: api", () => {
  it.each([
    { given: { info: { title: "CryptoCloud", version: "1" } }, want: "CryptoCloud" },
    { given: { info: { title: "swagger petstore", version: "1" } }, want: "SwaggerPetstore" },
    { given: { info: { title: "Anything", "x-client-name": "Pay", version: "1" } }, want: "Pay" },
  ])("clientName from $given.info", ({ given, want }) => {
    expect(model(given).clientName).toBe(want);
  });

  it("takes the first server without a trailing slash as baseUrl", () => {
    expect(model({}).baseUrl).toBe("https://api.example.test");
  });

  it("lists x-client-option options once, typed by the field they fill, documented by its description", () => {
    const fragment = {
      paths: {
        "/a": {
          get: {
            operationId: "a",
            parameters: [
              {
                name: "shop",
                in: "query",
                description: "The shop.",
                "x-client-option": "shopId",
                schema: { type: "string" },
              },
            ],
            responses: ok,
          },
        },
        "/b": {
          get: {
            operationId: "b",
            parameters: [
              { name: "page_size", in: "query", "x-client-option": "pageSize", schema: { type: "integer" } },
              { name: "shop", in: "header", "x-client-option": "shopId" },
            ],
            responses: ok,
          },
        },
      },
    };
    expect(model(fragment).clientOptions).toEqual([
      { option: "shopId", type: "string", description: "The shop." },
      { option: "pageSize", type: "number" },
    ]);
  });

  it("lists component schema names sorted", () => {
    expect(model({ components: { schemas: { b: {}, A: {}, a: {} } } }).schemaNames).toEqual(["A", "a", "b"]);
  });
});

describe("buildModel: operations", () => {
  const cases: { name: string; given: Record<string, unknown>; want: Partial<OperationModel> }[] = [
    {
      name: "id, method, path, pointer, docs",
      given: { paths: { "/a/{id}": { get: { operationId: "getA", summary: "S", description: "D", responses: ok } } } },
      want: {
        id: "getA",
        method: "get",
        path: "/a/{id}",
        pointer: "#/paths/~1a~1{id}/get",
        summary: "S",
        description: "D",
        deprecated: false,
      },
    },
    {
      name: "derived id without operationId",
      given: { paths: { "/pets/{id}": { get: { responses: ok } } } },
      want: { id: "getPetsById" },
    },
    {
      name: "path-item parameters merged, operation overrides, path params always required",
      given: {
        paths: {
          "/a/{id}": {
            parameters: [
              { name: "id", in: "path", schema: { type: "string" } },
              { name: "q", in: "query", required: true },
            ],
            get: {
              operationId: "x",
              parameters: [{ name: "q", in: "query", required: false }, { $ref: "#/components/parameters/H" }],
              responses: ok,
            },
          },
        },
        components: { parameters: { H: { name: "X-H", in: "header", required: true } } },
      },
      want: {
        parameters: [
          { name: "id", in: "path", required: true },
          { name: "q", in: "query", required: false },
          { name: "X-H", in: "header", required: true },
        ],
      },
    },
    {
      name: "request body: JSON preferred, required flag",
      given: {
        paths: {
          "/a": {
            post: {
              operationId: "x",
              requestBody: { required: true, content: { "text/plain": {}, "application/json": { schema: {} } } },
              responses: ok,
            },
          },
        },
      },
      want: {
        body: { required: true, contentType: "application/json", contentTypes: ["application/json", "text/plain"] },
      },
    },
    {
      name: "responses sorted, ok flags, no-content, examples by name and single example",
      given: {
        paths: {
          "/a": {
            get: {
              operationId: "x",
              responses: {
                default: { description: "d", content: { "application/json": { example: { e: 1 } } } },
                "4XX": { description: "r" },
                "404": { description: "n", content: { "application/problem+json": {} } },
                "204": { description: "none" },
                "200": {
                  description: "ok",
                  content: {
                    "application/json": { examples: { one: { value: 1 }, two: { $ref: "#/components/examples/Two" } } },
                  },
                },
              },
            },
          },
        },
        components: { examples: { Two: { value: 2 } } },
      },
      want: {
        responses: [
          { status: "200", ok: true, contentType: "application/json", examples: { one: 1, two: 2 } },
          { status: "204", ok: true, contentType: undefined, examples: {} },
          { status: "404", ok: false, contentType: "application/problem+json", examples: {} },
          { status: "4XX", ok: false, contentType: undefined, examples: {} },
          { status: "default", ok: false, contentType: "application/json", examples: { default: { e: 1 } } },
        ],
      },
    },
    {
      name: "security: operation overrides document; credential with prefix; signature",
      given: {
        security: [{ none: [] }],
        paths: { "/a": { post: { operationId: "x", security: [{ id: [], sig: [] }], responses: ok } } },
        components: {
          securitySchemes: {
            none: { type: "apiKey", in: "header", name: "X" },
            id: {
              type: "apiKey",
              in: "header",
              name: "Authorization",
              "x-credential": { option: "apiKey", prefix: "Token " },
            },
            sig: {
              type: "apiKey",
              in: "header",
              name: "sign",
              "x-signature": { algorithm: "md5-base64-body", credential: "secret" },
            },
          },
        },
      },
      want: {
        security: [
          [
            {
              kind: "credential",
              scheme: "id",
              in: "header",
              name: "Authorization",
              option: "apiKey",
              prefix: "Token ",
            },
            { kind: "signature", scheme: "sig", name: "sign", algorithm: "md5-base64-body", option: "secret" },
          ],
        ],
      },
    },
    {
      name: "security: document default; http bearer and oauth2 send a bearer token; option from scheme name",
      given: {
        security: [{ bearer_auth: [] }, { oauth: ["read"] }],
        paths: { "/a": { get: { operationId: "x", responses: ok } } },
        components: {
          securitySchemes: {
            bearer_auth: { type: "http", scheme: "bearer" },
            oauth: { type: "oauth2", flows: {} },
          },
        },
      },
      want: {
        security: [
          [
            {
              kind: "credential",
              scheme: "bearer_auth",
              in: "header",
              name: "Authorization",
              option: "bearerAuth",
              prefix: "Bearer ",
            },
          ],
          [
            {
              kind: "credential",
              scheme: "oauth",
              in: "header",
              name: "Authorization",
              option: "oauth",
              prefix: "Bearer ",
            },
          ],
        ],
      },
    },
    {
      name: "x-pagination, x-exactly-one-of, x-idempotent on a POST",
      given: {
        paths: {
          "/a": {
            post: {
              operationId: "x",
              "x-idempotent": true,
              "x-exactly-one-of": ["a", "b"],
              "x-pagination": { cursor: { in: "query", name: "c" }, nextCursor: "/next", items: "/items" },
              parameters: [
                { name: "a", in: "query" },
                { name: "b", in: "query" },
                { name: "c", in: "query" },
              ],
              responses: {
                "200": {
                  description: "ok",
                  content: {
                    "application/json": {
                      schema: {
                        type: "object",
                        properties: { next: { type: ["string", "null"] }, items: { type: "array" } },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      want: {
        idempotent: true,
        exactlyOneOf: ["a", "b"],
        pagination: { cursor: { in: "query", name: "c" }, nextCursor: "/next", items: "/items" },
      },
    },
    {
      name: "x-batch with its size from maxItems",
      given: {
        paths: {
          "/a": {
            post: {
              operationId: "x",
              "x-batch": { items: "/ids", results: "/result" },
              requestBody: {
                content: {
                  "application/json": {
                    schema: { type: "object", properties: { ids: { type: "array", maxItems: 100 } } },
                  },
                },
              },
              responses: {
                "200": {
                  description: "ok",
                  content: {
                    "application/json": { schema: { type: "object", properties: { result: { type: "array" } } } },
                  },
                },
              },
            },
          },
        },
      },
      want: { batch: { items: "/ids", results: "/result", size: 100 } },
    },
    {
      name: "no responses documented: any answer, body unknown (a lone default)",
      given: { paths: { "/a": { get: { operationId: "x", responses: {} } } } },
      want: { responses: [{ status: "default", ok: false, contentType: undefined, examples: {} }] },
    },
    {
      name: "GET is idempotent by HTTP, POST is not unless declared",
      given: { paths: { "/a": { get: { operationId: "x", responses: ok } } } },
      want: { idempotent: true },
    },
    {
      name: "x-pagination with an offset and a limit in the body: the limit's default is the page size",
      given: {
        paths: {
          "/a": {
            post: {
              operationId: "x",
              "x-pagination": {
                offset: { in: "body", name: "offset" },
                limit: { in: "body", name: "limit", meaning: "end" },
                items: "/result",
              },
              requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Window" } } } },
              responses: {
                "200": {
                  description: "ok",
                  content: {
                    "application/json": { schema: { type: "object", properties: { result: { type: "array" } } } },
                  },
                },
              },
            },
          },
        },
        components: {
          schemas: {
            Window: {
              type: "object",
              properties: { offset: { type: "integer" }, limit: { type: "integer", default: 10 } },
            },
          },
        },
      },
      want: {
        pagination: {
          offset: { in: "body", name: "offset" },
          limit: { in: "body", name: "limit", meaning: "end" },
          pageSize: 10,
          items: "/result",
        },
      },
    },
    {
      name: "x-client-option on a parameter and on a top-level body field",
      given: {
        paths: {
          "/a": {
            post: {
              operationId: "x",
              parameters: [
                { name: "shop", in: "query", required: true, "x-client-option": "shopId", schema: { type: "string" } },
              ],
              requestBody: {
                content: {
                  "application/json": {
                    schema: {
                      allOf: [
                        { properties: { shop_id: { type: "string", "x-client-option": "shopId" } } },
                        { properties: { n: {} } },
                      ],
                    },
                  },
                },
              },
              responses: ok,
            },
          },
        },
      },
      want: {
        defaults: [
          { in: "query", name: "shop", option: "shopId" },
          { in: "body", name: "shop_id", option: "shopId" },
        ],
      },
    },
    {
      name: "a POST without x-idempotent is not retried",
      given: { paths: { "/a": { post: { operationId: "x", responses: ok } } } },
      want: { idempotent: false },
    },
  ];

  it.each(cases)("$name", ({ given, want }) => {
    expect(onlyOperation(given)).toMatchObject(want);
  });
});

describe("buildModel: errors end with the file and JSON pointer", () => {
  const cases: { name: string; given: Record<string, unknown>; want: string }[] = [
    {
      name: "duplicate operationId",
      given: {
        paths: {
          "/a": { get: { operationId: "x", responses: ok } },
          "/b": { get: { operationId: "x", responses: ok } },
        },
      },
      want: 'specs/shop.yaml#/paths/~1b/get/operationId: operationId "x" is also used at #/paths/~1a/get',
    },
    {
      name: "undefined security scheme",
      given: { paths: { "/a": { get: { operationId: "x", security: [{ nope: [] }], responses: ok } } } },
      want: 'specs/shop.yaml#/components/securitySchemes/nope: security scheme "nope" is used but not defined',
    },
    {
      name: "unknown x-signature algorithm",
      given: {
        paths: { "/a": { get: { operationId: "x", security: [{ s: [] }], responses: ok } } },
        components: {
          securitySchemes: {
            s: { type: "apiKey", in: "header", name: "sign", "x-signature": { algorithm: "rot13", credential: "k" } },
          },
        },
      },
      want: "specs/shop.yaml#/components/securitySchemes/s/x-signature/algorithm: x-signature.algorithm must be one of: md5-base64-body",
    },
    {
      name: "x-pagination pointing at a field that does not exist",
      given: {
        paths: {
          "/a": {
            get: {
              operationId: "x",
              parameters: [{ name: "c", in: "query" }],
              "x-pagination": { cursor: { in: "query", name: "c" }, nextCursor: "/nope", items: "/items" },
              responses: {
                "200": {
                  description: "ok",
                  content: {
                    "application/json": { schema: { type: "object", properties: { items: { type: "array" } } } },
                  },
                },
              },
            },
          },
        },
      },
      want: "specs/shop.yaml#/paths/~1a/get/x-pagination/nextCursor: /nope does not exist in the success response schema",
    },
    {
      name: "x-client-option that is not an identifier",
      given: {
        paths: {
          "/a": {
            get: {
              operationId: "x",
              parameters: [{ name: "s", in: "query", "x-client-option": "shop id" }],
              responses: ok,
            },
          },
        },
      },
      want: "specs/shop.yaml#/paths/~1a/get/parameters/0/x-client-option: x-client-option must be a JavaScript identifier",
    },
    {
      name: "x-client-option filling a number in one place and a string in another",
      given: {
        paths: {
          "/a": {
            get: {
              operationId: "a",
              parameters: [{ name: "s", in: "query", "x-client-option": "shop", schema: { type: "integer" } }],
              responses: ok,
            },
          },
          "/b": {
            get: {
              operationId: "b",
              parameters: [{ name: "s", in: "query", "x-client-option": "shop", schema: { type: "string" } }],
              responses: ok,
            },
          },
        },
      },
      want: 'specs/shop.yaml#/paths/~1b/get: x-client-option "shop" fills a string here (query s) but a number elsewhere',
    },
    {
      name: "x-client-option named like a credential option",
      given: {
        paths: {
          "/a": {
            get: {
              operationId: "x",
              security: [{ k: [] }],
              parameters: [{ name: "s", in: "query", "x-client-option": "apiKey" }],
              responses: ok,
            },
          },
        },
        components: {
          securitySchemes: { k: { type: "apiKey", in: "header", name: "x-key", "x-credential": { option: "apiKey" } } },
        },
      },
      want: 'specs/shop.yaml#/paths/~1a/get: x-client-option "apiKey" (query s) is also a credential option',
    },
    {
      name: "offset x-pagination whose limit has no default",
      given: {
        paths: {
          "/a": {
            get: {
              operationId: "x",
              parameters: [
                { name: "offset", in: "query" },
                { name: "limit", in: "query", schema: { type: "integer" } },
              ],
              "x-pagination": {
                offset: { in: "query", name: "offset" },
                limit: { in: "query", name: "limit" },
                items: "/items",
              },
              responses: {
                "200": {
                  description: "ok",
                  content: {
                    "application/json": { schema: { type: "object", properties: { items: { type: "array" } } } },
                  },
                },
              },
            },
          },
        },
      },
      want: 'specs/shop.yaml#/paths/~1a/get/x-pagination/limit: give the query field "limit" a positive integer default',
    },
    {
      name: "x-pagination on an operation whose only success is a redirect (no page to read), as the lint rule says",
      given: {
        paths: {
          "/a": {
            get: {
              operationId: "x",
              parameters: [{ name: "c", in: "query" }],
              "x-pagination": { cursor: { in: "query", name: "c" }, nextCursor: "/next", items: "/items" },
              responses: {
                "302": {
                  description: "moved",
                  content: {
                    "application/json": {
                      schema: { type: "object", properties: { items: { type: "array" }, next: { type: "string" } } },
                    },
                  },
                },
              },
            },
          },
        },
      },
      want: "specs/shop.yaml#/paths/~1a/get/x-pagination/nextCursor: the operation has no 2xx JSON response for x-pagination to point into",
    },
    {
      name: "unsupported http scheme",
      given: {
        paths: { "/a": { get: { operationId: "x", security: [{ d: [] }], responses: ok } } },
        components: { securitySchemes: { d: { type: "http", scheme: "digest" } } },
      },
      want: 'specs/shop.yaml#/components/securitySchemes/d/scheme: unsupported: http scheme "digest"',
    },
  ];

  it.each(cases)("$name", ({ given, want }) => {
    expect(() => model(given)).toThrow(want);
  });
});
