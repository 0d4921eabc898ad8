import { describe, expect, it } from "vitest";
import { indentCode } from "../../generator/emit/indent.js";
import { LINE_WIDTH } from "../../generator/emit/literal.js";
import { apiNames } from "../../generator/emit/names.js";
import { validatorsFile } from "../../generator/emit/validators-file.js";
import { buildModel } from "../../generator/model/build-model.js";

const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** validators.gen.ts (indented, as written) of a spec with the one operation `post /payments/{shop-id}`. */
function fileFor(operation: Record<string, unknown>, components: Record<string, unknown>) {
  const document = {
    openapi: "3.1.0",
    info: { title: "Shop", version: "1" },
    servers: [{ url: "https://api.example.test" }],
    paths: { "/payments/{shop-id}": { post: operation } },
    components: { schemas: components },
  };
  const model = buildModel({ name: "shop", file: "specs/shop.yaml", document });
  const { text, names } = validatorsFile(model, apiNames(model).client, "../runtime/index.js");
  return { text: indentCode(text), names };
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
    const { text, names } = listPaymentsFile();
    expect(names.get("listPayments")).toEqual({ request: "listPaymentsRequest", response: "listPaymentsResponse" });
    expect([...text.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1])).toEqual([
      "listPaymentsPath_shop_id",
      "listPaymentsQuery_cursor",
      "listPaymentsHeader_X_Trace",
      // The component named like the operation's request validator gives way.
      "listPaymentsRequest_2",
      "listPaymentsBody",
      "listPaymentsResponse200",
      "listPaymentsResponse4XX",
      "listPaymentsResponseDefault",
      // The operation-level validators follow every schema validator.
      "listPaymentsRequest",
      "listPaymentsResponse",
    ]);
    expect(text).toContain(
      "/** Checks a value against the `listPaymentsRequest` schema. */\nexport function listPaymentsRequest_2(",
    );
    expect(text).toContain('case "4XX": listPaymentsResponse4XX(body, "", issues, true); break;');
  });

  it("a required argument's presence and check: two lines, `if` then `else`", () => {
    const { text } = listPaymentsFile();
    expect(text).toContain(
      '  if (args.body === undefined) issues.push({ pointer: "/body", message: "is required" });\n' +
        '  else listPaymentsBody(args.body, "/body", issues, false);\n',
    );
  });

  it("given long names → the import and every statement break to stay within the width", () => {
    const long = "AnUnusuallyLongComponentNameForTheAnswerOfTheEndpointThatListsAllOfThePayments";
    const parameter = "created_after_timestamp_of_payment";
    const { text } = fileFor(
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
    expect(text.split("\n").filter((line) => line.length > LINE_WIDTH)).toEqual([]);
    expect(text).toMatch(/^import \{\n {2}checkFormat,\n/);
    expect(text).toContain(
      `  if (query["${parameter}"] === undefined) {\n` +
        `    issues.push({ pointer: "/query/${parameter}", message: "is required" });\n` +
        `  } else {\n    listEveryPaymentOfTheShopQuery_${parameter}(\n` +
        `      query["${parameter}"], "/query/${parameter}",\n      issues, false,\n    );\n  }\n`,
    );
    expect(text).toContain(`    case "200": {\n      ${long}(body, "", issues, true);\n      break;\n    }\n`);
    // A JSDoc too long for one line becomes a block (indentCode trims the space before each star).
    expect(text).toContain(`/**\n* Checks a value against the \`${long}\`\n* schema.\n*/\nexport function ${long}(`);
    expect(text).toContain(
      `  value.forEach((item, i) =>\n    ${long}(\n      item, pointer + segment(i), issues, open,\n    ),\n  );\n`,
    );
  });
});
