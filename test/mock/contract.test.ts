import { describe, expect, inject, it } from "vitest";
import { buildRequest, loadApis, responseValidators, send } from "./support.js";

// Driven by redocly.yaml and the specs: a new provider or operation is covered without edits.
const apis = await loadApis();
const urls = inject("mockUrls");
const secrets = inject("mockSecrets");

function urlOf(name: string): string {
  const url = urls[name];
  if (url === undefined) throw new Error(`no mock for ${name}; the test setup should start every api`);
  return url;
}

describe.each(apis.map((api) => [api.name, api] as const))("mock of %s", (name, api) => {
  const validator = responseValidators(api);

  const cases = api.model.operations.flatMap((operation) =>
    operation.responses
      // Prism's Prefer header takes a concrete code; ranges and default cannot be asked for.
      .filter((response) => /^\d{3}$/.test(response.status))
      .map((response) => [`${operation.id} → ${response.status}`, operation, response.status] as const),
  );

  it("has operations with documented statuses to test", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)("%s (Prefer: code) answers that status with a body valid against its schema", async (_, operation, status) => {
    const request = buildRequest(api, operation, urlOf(name), secrets, { headers: { prefer: `code=${status}` } });
    const answer = await send(request);
    expect({ status: answer.status, text: answer.text.slice(0, 500) }).toMatchObject({ status: Number(status) });
    expect(validator(operation, status)(answer.json)).toEqual([]);
  });

  const withExample = api.model.operations.flatMap((operation) => {
    const success = operation.responses.find((r) => r.ok && /^\d{3}$/.test(r.status) && Object.keys(r.examples).length > 0);
    return success === undefined ? [] : [[operation.id, operation, success] as const];
  });

  it.each(withExample)("%s answers its first documented success example by default", async (_, operation, success) => {
    const answer = await send(buildRequest(api, operation, urlOf(name), secrets));
    expect(answer.status).toBe(Number(success.status));
    expect(answer.json).toEqual(Object.values(success.examples)[0]);
  });
});
