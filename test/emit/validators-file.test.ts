import { describe, expect, it } from "vitest";
import { indentCode } from "../../generator/emit/indent.js";
import { LINE_WIDTH } from "../../generator/emit/literal.js";
import { apiNames } from "../../generator/emit/names.js";
import { validatorsFile } from "../../generator/emit/validators-file.js";
import { buildModel } from "../../generator/model/build-model.js";

const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * validators.gen.ts and response-validators.gen.ts (indented, as written) of a spec with the one
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
  return { request: indentCode(request), response: indentCode(response), names };
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

describe("validators.gen.ts: names after where each schema is used", () => {
  it("given inline parameter, body and response schemas → method + place names; operation names unchanged", () => {
    const { request, response, names } = listPaymentsFile();
    const exported = (text: string) => [...text.matchAll(/^export (?:function|const) (\w+)/gm)].map((m) => m[1]);
    expect(names.get("listPayments")).toEqual({ request: "listPaymentsRequest", response: "listPaymentsResponse" });
    expect(exported(request)).toEqual([
      "listPaymentsPath_shop_id",
      "listPaymentsQuery_cursor",
      "listPaymentsHeader_X_Trace",
      // The component named like the operation's request validator gives way.
      "listPaymentsRequest_2",
      "listPaymentsBody",
      // The operation-level validator follows every schema validator.
      "listPaymentsRequest",
    ]);
    expect(exported(response)).toEqual([
      "listPaymentsResponse200",
      "listPaymentsResponse4XX",
      "listPaymentsResponseDefault",
      "listPaymentsResponse",
      // What the client's `validateResponses` takes.
      "shopResponseValidators",
    ]);
    expect(request).toContain(
      "/** Checks a value against the `listPaymentsRequest` schema. */\nexport function listPaymentsRequest_2(",
    );
    expect(response).toContain('case "4XX": listPaymentsResponse4XX(body, "", issues, true); break;');
    expect(response).toContain(
      'export const shopResponseValidators: ResponseValidators<"shop"> = {\n' +
        '  provider: "shop",\n  operations: { listPayments: listPaymentsResponse },\n};\n',
    );
    // Nothing is shared, so nothing is imported from the request validators.
    expect(response).not.toContain("./validators.gen.js");
  });

  it("given a response enum value and pattern that spell a request validator's name → that name is not imported", () => {
    const { request, response } = fileFor(
      {
        operationId: "pay",
        requestBody: json(ref("Payment")),
        responses: {
          "200": {
            description: "ok",
            ...json({ type: "string", enum: ["Payment", "Refund"], pattern: "^Payment|Refund$" }),
          },
          "400": { description: "refused", ...json(ref("Payment")) },
        },
      },
      { Payment: { type: "object", required: ["amount"] } },
    );
    expect(request).toContain("export function Payment(");
    // Only the 400 answer calls it: imported once, by name, for that call.
    expect(response).toMatch(/^import \{ Payment \} from "\.\/validators\.gen\.js";$/m);
    const withoutTheCall = fileFor(
      {
        operationId: "pay",
        requestBody: json(ref("Payment")),
        responses: {
          "200": { description: "ok", ...json({ type: "string", enum: ["Payment"], pattern: "^Payment$" }) },
        },
      },
      { Payment: { type: "object", required: ["amount"] } },
    );
    expect(withoutTheCall.response).not.toContain("./validators.gen.js");
  });

  it("a required argument's presence and check: two lines, `if` then `else`", () => {
    const { request } = listPaymentsFile();
    expect(request).toContain(
      '  if (args.body === undefined) issues.push({ pointer: "/body", message: "is required" });\n' +
        '  else listPaymentsBody(args.body, "/body", issues, false);\n',
    );
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
    for (const text of [request, response])
      expect(text.split("\n").filter((line) => line.length > LINE_WIDTH)).toEqual([]);
    expect(request).toMatch(/^import \{\n {2}checkFormat,\n/);
    expect(request).toContain(
      `  if (query["${parameter}"] === undefined) {\n` +
        `    issues.push({ pointer: "/query/${parameter}", message: "is required" });\n` +
        `  } else {\n    listEveryPaymentOfTheShopQuery_${parameter}(\n` +
        `      query["${parameter}"], "/query/${parameter}",\n      issues, false,\n    );\n  }\n`,
    );
    // A schema both use is compiled once, with the request validators, and imported by the response ones.
    expect(response).toMatch(new RegExp(`import \\{\\s*${long},?\\s*\\} from "\\./validators\\.gen\\.js";`));
    expect(response).not.toContain(`export function ${long}(`);
    expect(response).toContain(`    case "200": {\n      ${long}(body, "", issues, true);\n      break;\n    }\n`);
    // A JSDoc too long for one line becomes a block, each line's star one space in.
    expect(request).toContain(
      `/**\n * Checks a value against the \`${long}\`\n * schema.\n */\nexport function ${long}(`,
    );
    expect(request).toContain(
      `  value.forEach((item, i) =>\n    ${long}(\n      item, pointer + segment(i), issues, open,\n    ),\n  );\n`,
    );
  });
});
