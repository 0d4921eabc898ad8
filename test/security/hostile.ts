/**
 * A spec is semi-trusted input: every name-like field of this one carries comment terminators,
 * quotes, template syntax and line separators, each followed by code that would record that it
 * ran (in globalThis[MARK]).
 */
export const MARK = "__payspecHostileRan";
const code = (where: string) => `globalThis.${MARK}=(globalThis.${MARK}??[]).concat(${JSON.stringify(where)});`;
/** Every way out of a comment or a string literal, each followed by code. */
const evil = (where: string) =>
  [
    `*/ ${code(where)} /*`,
    `\u2028${code(where)}`,
    `\u2029${code(where)}`,
    `\n${code(where)}//`,
    `"; ${code(where)} "`,
    `'; ${code(where)} '`,
    `\${${code(where)}}`,
    `\`+${code(where)}+\``,
  ].join(" ");

const KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty"];

export function hostileSpec(): Record<string, unknown> {
  const properties = Object.fromEntries(
    [...KEYS, evil("property")].map((key) => [key, { type: "string", description: evil("property description") }]),
  );
  const item = {
    type: "object",
    description: evil("schema description"),
    title: evil("schema title"),
    required: ["__proto__"],
    properties,
  };
  const page = {
    type: "object",
    properties: {
      [evil("page field")]: {
        type: "array",
        items: { $ref: `#/components/schemas/${encodeURIComponent(evil("schema name")).replace(/%2F/g, "~1")}` },
      },
      next: { type: ["string", "null"] },
    },
  };
  return {
    openapi: "3.1.0",
    info: { title: evil("title"), version: "1", description: evil("info description"), "x-client-name": "Hostile" },
    servers: [{ url: "https://api.example.test" }],
    paths: {
      [`/items/{${evil("path parameter").replace(/[{}/]/g, "")}}`]: {
        post: {
          operationId: evil("operationId"),
          summary: evil("summary"),
          description: evil("description"),
          parameters: [
            {
              name: evil("path parameter").replace(/[{}/]/g, ""),
              in: "path",
              required: true,
              description: evil("parameter description"),
              schema: { type: "string" },
            },
            {
              name: evil("query parameter"),
              in: "query",
              description: evil("parameter description"),
              schema: { type: "string", enum: [evil("enum a"), evil("enum b")] },
            },
            { name: "cursor", in: "query", schema: { type: "string" } },
          ],
          "x-pagination": {
            cursor: { in: "query", name: "cursor" },
            nextCursor: "/next",
            items: `/${evil("page field").replace(/~/g, "~0").replace(/\//g, "~1")}`,
          },
          requestBody: {
            content: {
              [`application/json; x="${evil("media type").replace(/[\n\r"]/g, "")}"`]: {
                schema: {
                  $ref: `#/components/schemas/${encodeURIComponent(evil("schema name")).replace(/%2F/g, "~1")}`,
                },
              },
            },
          },
          responses: {
            "200": { description: evil("response"), content: { "application/json": { schema: page } } },
            "400": { description: evil("error"), content: { "application/json": { schema: { type: "object" } } } },
          },
        },
      },
      "/batch": {
        post: {
          operationId: "batch",
          "x-batch": {
            items: `/${evil("batch field").replace(/~/g, "~0").replace(/\//g, "~1")}`,
            results: "/out",
            size: 2,
          },
          requestBody: {
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { [evil("batch field")]: { type: "array", items: { type: "string" } } },
                },
              },
            },
          },
          responses: {
            "200": {
              description: "ok",
              content: { "application/json": { schema: { type: "object", properties: { out: { type: "array" } } } } },
            },
            "400": { description: "bad", content: { "application/json": { schema: { type: "object" } } } },
          },
        },
      },
    },
    webhooks: {
      [evil("webhook")]: {
        post: {
          summary: evil("webhook summary"),
          requestBody: {
            content: {
              "application/json": {
                schema: {
                  $ref: `#/components/schemas/${encodeURIComponent(evil("schema name")).replace(/%2F/g, "~1")}`,
                },
              },
            },
          },
          responses: { "200": { description: "ok" } },
        },
      },
    },
    components: {
      schemas: {
        [evil("schema name")]: item,
        ...Object.fromEntries(KEYS.map((k) => [k, { type: "string", description: evil(`schema ${k}`) }])),
      },
    },
  };
}
