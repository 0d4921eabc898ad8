import { describe, expect, it } from "vitest";
import { apiNames } from "../../generator/emit/names.js";
import { validatorsFile } from "../../generator/emit/validators-file.js";
import { buildModel } from "../../generator/model/build-model.js";
import { overlongLines } from "../helpers/line-width.js";

const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * validators.gen.ts and response-validators.gen.ts (as written) of a spec with the one
 * operation `post /payments/{shop-id}`.
 */
function fileFor(operation: Record<string, unknown>, components: Record<string, unknown>) {
  const document = {
    openapi: "3.1.0",
    info: { title: "Shop", version: "1" },
    servers: [{ url: "https://api.example.test" }],
    paths: { "/payments/{shop-id}": { post: operation } },
    components: { schemas: components },
  };
  const model = buildModel({ name: "shop", file: "specs/shop.yaml", document });
  const { request, response, names } = validatorsFile(model, apiNames(model).client, "../runtime/index.js");
  return { request, response, names };
}

/** `listPayments`, with inline schemas in every place and a component named like its request validator. */
function listPaymentsFile() {
  return fileFor(
    {
      operationId: "listPayments",
      parameters: [
        { name: "shop-id", in: "path", required: true, schema: { type: "string", minLength: 3 } },
        { name: "cursor", in: "query", schema: { type: "string", maxLength: 64 } },
        { name: "X-Trace", in: "header", schema: { type: "string", pattern: "^[a-z]+$" } },
      ],
      requestBody: { required: true, ...json({ type: "object", properties: { from: ref("listPaymentsRequest") } }) },
      responses: {
        "200": { description: "ok", ...json({ type: "object", required: ["items"] }) },
        "4XX": { description: "refused", ...json({ type: "object", required: ["message"] }) },
        default: { description: "other", ...json({ type: "object", required: ["error"] }) },
      },
    },
    { listPaymentsRequest: { type: "string", format: "date" } },
  );
}

describe("validators.gen.ts: one table of rules, one validator per operation", () => {
  it("given inline parameter, body and response schemas → rules in place; only the operations' validators are named", () => {
    const { request, response, names } = listPaymentsFile();
    const exported = (text: string) => [...text.matchAll(/^export (?:function|const) (\w+)/gm)].map((m) => m[1]);
    expect(names.get("listPayments")).toEqual({ request: "listPaymentsRequest", response: "listPaymentsResponse" });
    expect(exported(request)).toEqual(["requestRules", "listPaymentsRequest"]);
    expect(exported(response)).toEqual(["listPaymentsResponse", "shopResponseValidators"]);
    // A component named like the operation's validator is only a key of the table: no clash.
    expect(request).toContain(
      'export const requestRules: Rules = parseRules(String.raw`{\n  "listPaymentsRequest": { "type": ["string"], "format": "date" }\n}`);',
    );
    expect(request).toContain(
      "export const listPaymentsRequest = requestCheck(requestRules, {\n" +
        "  parameters: [\n" +
        '    { in: "path", name: "shop-id", required: true, schema: { type: ["string"], minLength: 3 } },\n' +
        '    { in: "query", name: "cursor", required: false, schema: { type: ["string"], maxLength: 64 } },\n' +
        '    { in: "headers", name: "X-Trace", required: false, schema: { type: ["string"], pattern: "^[a-z]+$" } },\n' +
        "  ],\n" +
        '  body: { required: true, schema: { type: ["object"], properties: { from: "listPaymentsRequest" } } },\n' +
        "});\n",
    );
    expect(response).toContain(
      "export const listPaymentsResponse = responseCheck(responseRules, {\n" +
        '  "200": { type: ["object"], required: ["items"] },\n' +
        '  "4XX": { type: ["object"], required: ["message"] },\n' +
        '  default: { type: ["object"], required: ["error"] },\n' +
        "});\n",
    );
    expect(response).toContain(
      'export const shopResponseValidators: ResponseValidators<"shop"> = {\n' +
        '  provider: "shop",\n  operations: { listPayments: listPaymentsResponse },\n};\n',
    );
  });

  it("given a component both use → declared once, in the request table, which the response table extends", () => {
    const { request, response } = fileFor(
      {
        operationId: "pay",
        requestBody: json(ref("Payment")),
        responses: {
          "200": { description: "ok", ...json(ref("Receipt")) },
          "400": { description: "refused", ...json(ref("Payment")) },
        },
      },
      { Payment: { type: "object", required: ["amount"] }, Receipt: { type: "object", required: ["id"] } },
    );
    expect(request).toContain(
      'export const requestRules: Rules = parseRules(String.raw`{\n  "Payment": { "type": ["object"], "required": ["amount"] }\n}`);',
    );
    expect(response).toMatch(/^import \{ requestRules \} from "\.\/validators\.gen\.js";$/m);
    expect(response).toContain(
      'const responseRules: Rules = { ...requestRules, ...parseRules(String.raw`{\n  "Receipt": { "type": ["object"], "required": ["id"] }\n}`) };',
    );
    expect(response).not.toContain('"Payment": {');
  });

  it("given no component in the request table → the response table stands alone", () => {
    const { request, response } = fileFor(
      { operationId: "ping", responses: { "200": { description: "ok", ...json(ref("Pong")) } } },
      { Pong: { const: "pong" } },
    );
    expect(request).toContain("export const requestRules: Rules = {};");
    // An empty table has nothing to parse, and imports nothing to parse it.
    expect(request).toMatch(/^import \{ requestCheck, type Rules \} from/m);
    expect(request).toContain("export const pingRequest = requestCheck(requestRules, {});");
    expect(response).not.toContain("./validators.gen.js");
    expect(response).toContain('const responseRules: Rules = parseRules(String.raw`{ "Pong": { "const": "pong" } }`);');
  });

  it("given long names → the import and every statement break to stay within the width", () => {
    const long = "AnUnusuallyLongComponentNameForTheAnswerOfTheEndpointThatListsAllOfThePayments";
    const parameter = "created_after_timestamp_of_payment";
    const { request, response } = fileFor(
      {
        operationId: "listEveryPaymentOfTheShop",
        parameters: [
          { name: parameter, in: "query", required: true, schema: { type: "string", format: "uuid" } },
          { name: `${parameter}_too`, in: "query", schema: ref(long) },
        ],
        requestBody: json({ type: "object", properties: { [parameter]: { type: "array", items: ref(long) } } }),
        responses: { "200": { description: "ok", ...json(ref(long)) } },
      },
      { [long]: { type: "object", required: [parameter], properties: { [parameter]: ref(long) } } },
    );
    // Only a line ending in one string literal (a name) may run past the width.
    for (const text of [request, response]) expect(overlongLines(text)).toEqual([]);
    expect(request).toContain(
      `export const requestRules: Rules = parseRules(String.raw\`{\n  "${long}": {\n    "type": ["object"],\n    "required": ["${parameter}"],\n`,
    );
    expect(response).toContain(
      `export const listEveryPaymentOfTheShopResponse = responseCheck(responseRules, {\n  "200": "${long}",\n});`,
    );
    // A JSDoc too long for one line becomes a block, each line's star one space in.
    expect(response).toMatch(/^\/\*\*\n \* Pass as `validateResponses`/m);
  });
});
