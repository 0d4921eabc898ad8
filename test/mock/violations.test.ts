import { describe, expect, inject, it } from "vitest";
import type { OperationModel } from "../../generator/model/types.js";
import { mockApi } from "../../mock/mock-api.js";
import {
  buildRequest,
  type LoadedApi,
  loadApis,
  type MockRequest,
  type RequestChanges,
  responseValidators,
  send,
} from "./support.js";

// Contract violations the mocks must refuse. The generic part (missing credentials) covers
// every api; the rest are the seed facts of the specs, so they name providers.
const apis = await loadApis();
const urls = inject("mockUrls");
const secrets = inject("mockSecrets");

function api(name: string): LoadedApi {
  const found = apis.find((a) => a.name === name);
  if (found === undefined) throw new Error(`redocly.yaml has no api "${name}"`);
  return found;
}

function operation(apiName: string, id: string): OperationModel {
  const found = api(apiName).model.operations.find((o) => o.id === id);
  if (found === undefined) throw new Error(`${apiName} has no operation ${id}`);
  return found;
}

function request(apiName: string, id: string, changes: RequestChanges = {}): MockRequest {
  const url = urls[apiName];
  if (url === undefined) throw new Error(`no mock for ${apiName}`);
  return buildRequest(api(apiName), operation(apiName, id), url, secrets, changes);
}

/** Who refused: the front marks its own refusals in sl-violations, as Prism does. */
async function sendAndExplain(req: MockRequest): Promise<{ status: number; json: unknown; violations: string }> {
  const response = await fetch(req.url, {
    method: req.method,
    headers: req.headers,
    ...(req.body === undefined ? {} : { body: req.body }),
  });
  const text = await response.text();
  return {
    status: response.status,
    json: text === "" ? undefined : (JSON.parse(text) as unknown),
    violations: response.headers.get("sl-violations") ?? "",
  };
}

/**
 * A refusal is the spec's x-mock-invalid filled for what failed (so it names each field, and
 * matches the documented schema of its status) or, where the spec declares none, `fallback`.
 */
function expectRefusal(
  apiName: string,
  id: string,
  answer: { status: number; json: unknown },
  fields: readonly string[],
  fallback: unknown,
): void {
  const declared = mockApi({ name: apiName, document: api(apiName).document }).operations.find(
    (o) => o.model.id === id,
  )?.invalid;
  if (declared === undefined) {
    expect(answer.json).toEqual(fallback);
    return;
  }
  expect(answer.status).toBe(declared.status);
  expect(responseValidators(api(apiName))(operation(apiName, id), String(declared.status))(answer.json)).toEqual([]);
  for (const field of fields) expect(JSON.stringify(answer.json)).toContain(field);
}

describe("missing credentials are refused with 401", () => {
  const cases = apis.flatMap((a) =>
    a.model.operations.flatMap((op) =>
      (op.security[0] ?? []).map(
        (auth) => [`${a.name} ${op.id} without ${auth.name} (${auth.option})`, a.name, op.id, auth.option] as const,
      ),
    ),
  );
  it("has cases", () => expect(cases.length).toBeGreaterThanOrEqual(apis.length));
  it.each(cases)("%s", async (_, apiName, id, option) => {
    const answer = await send(request(apiName, id, { omitAuth: [option] }));
    expect(answer.status).toBe(401);
  });
});

describe("CryptoCloud getInvoiceInfo", () => {
  const uuids = Array.from({ length: 101 }, (_, i) => `INV-${String(i).padStart(8, "0")}`);

  it("refuses 101 uuids with a 400: the provider's refusal naming uuids (x-mock-invalid), else the first documented 400 example", async () => {
    const answer = await sendAndExplain(request("cryptocloud", "getInvoiceInfo", { body: { uuids } }));
    expect(answer.status).toBe(400);
    expectRefusal("cryptocloud", "getInvoiceInfo", answer, ["uuids"], {
      status: "error",
      result: { validate_error: "Max 100 uuids" },
    });
    expect(answer.violations).toMatch(/maxItems|fewer than 100|NOT have more than 100/i);
  });

  it("accepts 100 uuids", async () => {
    const answer = await send(request("cryptocloud", "getInvoiceInfo", { body: { uuids: uuids.slice(1) } }));
    expect(answer.status).toBe(200);
  });
});

describe("Cryptomus", () => {
  it("listPayments refuses a malformed date_from with 422", async () => {
    const answer = await send(request("cryptomus", "listPayments", { body: { date_from: "04.05.2023" } }));
    expect(answer.status).toBe(422);
    expect(answer.json).toEqual({ state: 1, errors: { date_from: ["validation.regex"] } });
  });

  it("refuses a wrong signature with 401 Invalid Sign.", async () => {
    const answer = await sendAndExplain(request("cryptomus", "listPayments", { headers: { sign: "0".repeat(32) } }));
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ message: "Invalid Sign." });
    expect(answer.violations).toContain("signature");
  });

  it("refuses a signature over other bytes than those sent", async () => {
    const signed = request("cryptomus", "listPayments");
    const answer = await send({ ...signed, body: `${signed.body ?? ""} ` });
    expect(answer.status).toBe(401);
  });

  it("accepts listPayments signed with the payment key", async () => {
    const answer = await send(request("cryptomus", "listPayments"));
    expect(answer.status).toBe(200);
  });

  it("refuses listPayouts signed with the payment key", async () => {
    const answer = await sendAndExplain(request("cryptomus", "listPayouts", { signWith: "paymentKey" }));
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ message: "Invalid Sign." });
  });

  it("accepts listPayouts signed with the payout key", async () => {
    const answer = await send(request("cryptomus", "listPayouts"));
    expect(answer.status).toBe(200);
  });

  it("accepts a request without a body, signed over the empty string", async () => {
    const req = request("cryptomus", "listPayments", { body: undefined });
    expect(req.body).toBeUndefined();
    const answer = await send(req);
    expect(answer.status).toBe(200);
  });
});

describe("Morune getInvoiceInfo (x-exactly-one-of: invoice_id, order_id)", () => {
  it("refuses neither at the front with a 422: the provider's refusal naming both (x-mock-invalid), else the documented example", async () => {
    const answer = await sendAndExplain(request("morune", "getInvoiceInfo", { omitQuery: ["invoice_id", "order_id"] }));
    expect(answer.status).toBe(422);
    const first = Object.values(
      operation("morune", "getInvoiceInfo").responses.find((r) => r.status === "422")?.examples ?? {},
    )[0];
    expectRefusal("morune", "getInvoiceInfo", answer, ["invoice_id", "order_id"], first);
    expect(answer.violations).toContain("exactly one of invoice_id, order_id");
  });

  it("refuses both at the front", async () => {
    const answer = await sendAndExplain(request("morune", "getInvoiceInfo", { query: { order_id: "123" } }));
    expect(answer.status).toBe(422);
    expect(answer.violations).toContain("got invoice_id, order_id");
  });

  it("accepts order_id alone", async () => {
    const answer = await send(
      request("morune", "getInvoiceInfo", { omitQuery: ["invoice_id"], query: { order_id: "123" } }),
    );
    expect(answer.status).toBe(200);
  });
});
