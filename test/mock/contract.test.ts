import { describe, expect, inject, it } from "vitest";
import { readPointer, withPointer } from "../../generator/runtime/pointer.js";
import { mockApi } from "../../mock/mock-api.js";
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
  const mocked = mockApi({ name, document: api.document });

  const cases = api.model.operations.flatMap((operation) =>
    operation.responses
      // Prism's Prefer header takes a concrete code; ranges and default cannot be asked for.
      .filter((response) => /^\d{3}$/.test(response.status))
      .map((response) => [`${operation.id} → ${response.status}`, operation, response.status] as const),
  );

  it("has operations with documented statuses to test", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)(
    "%s (Prefer: code) answers that status with a body valid against its schema",
    async (_, operation, status) => {
      const request = buildRequest(api, operation, urlOf(name), secrets, { headers: { prefer: `code=${status}` } });
      const answer = await send(request);
      expect({ status: answer.status, text: answer.text.slice(0, 500) }).toMatchObject({ status: Number(status) });
      expect(validator(operation, status)(answer.json)).toEqual([]);
    },
  );

  // Offset pages answer the records asked for, not an example as is (checked below).
  const slicing = new Set(
    mocked.operations
      .filter((o) => o.pages !== undefined && o.model.pagination !== undefined && "offset" in o.model.pagination)
      .map((o) => o.model.id),
  );
  const withExample = api.model.operations.flatMap((operation) => {
    const success = operation.responses.find(
      (r) => r.ok && /^\d{3}$/.test(r.status) && Object.keys(r.examples).length > 0,
    );
    return success === undefined || slicing.has(operation.id) ? [] : [[operation.id, operation, success] as const];
  });

  it.each(withExample)("%s answers its first documented success example by default", async (_, operation, success) => {
    const answer = await send(buildRequest(api, operation, urlOf(name), secrets));
    expect(answer.status).toBe(Number(success.status));
    expect(answer.json).toEqual(Object.values(success.examples)[0]);
  });

  // Active for every cursor-paged operation that declares x-mock-pages.
  const chains = mocked.operations.flatMap((o) =>
    o.pages !== undefined && o.model.pagination !== undefined && "cursor" in o.model.pagination
      ? [[o.model.id, o] as const]
      : [],
  );
  it.each(chains)(
    "%s answers its declared pages in turn, each to the cursor of the one before",
    async (_, operation) => {
      const pagination = operation.model.pagination!;
      if (!("cursor" in pagination)) throw new Error("a cursor-paged operation");
      let cursor: unknown;
      for (const page of operation.pages!) {
        const changes =
          cursor === undefined
            ? {}
            : pagination.cursor.in === "query"
              ? { query: { [pagination.cursor.name]: String(cursor) } }
              : { headers: { [pagination.cursor.name]: String(cursor) } };
        const answer = await send(buildRequest(api, operation.model, urlOf(name), secrets, changes));
        expect(answer.json).toEqual(operation.success!.examples[page]);
        cursor = readPointer(answer.json, pagination.nextCursor);
      }
      expect(cursor ?? null).toBeNull();
    },
  );

  // Active for every offset-paged operation that declares x-mock-pages.
  const sliced = mocked.operations.flatMap((o) => (slicing.has(o.model.id) ? [[o.model.id, o] as const] : []));
  it.each(sliced)(
    "%s answers the example request with the declared records it asks for, in the first page's envelope",
    async (_, operation) => {
      const pagination = operation.model.pagination!;
      if (!("offset" in pagination)) throw new Error("an offset-paged operation");
      const request = buildRequest(api, operation.model, urlOf(name), secrets);
      const field = (f: { in: string; name: string }, fallback: number): number => {
        const raw =
          f.in === "body"
            ? (JSON.parse(request.body ?? "{}") as Record<string, unknown>)[f.name]
            : f.in === "query"
              ? request.url.searchParams.get(f.name)
              : request.headers[f.name.toLowerCase()];
        return raw === undefined || raw === null ? fallback : Number(raw);
      };
      const offset = field(pagination.offset, 0);
      const limit = field(
        pagination.limit,
        pagination.limit.meaning === "end" ? offset + pagination.pageSize : pagination.pageSize,
      );
      const records = operation.pages!.flatMap(
        (page) => readPointer(operation.success!.examples[page], pagination.items) as unknown[],
      );
      const first = operation.success!.examples[operation.pages![0]!];
      const answer = await send(request);
      expect(answer.json).toEqual(
        withPointer(
          first,
          pagination.items,
          records.slice(offset, pagination.limit.meaning === "end" ? limit : offset + limit),
        ),
      );
    },
  );

  // Active for every operation under an x-mock-invalid: a body (or query) of the wrong type is
  // refused in the provider's shape, which must match the documented schema of its status.
  const refusing = mocked.operations.flatMap((o) =>
    o.invalid !== undefined &&
    (o.model.body !== undefined || o.model.parameters.some((p) => p.required && p.in === "query"))
      ? [[o.model.id, o] as const]
      : [],
  );
  it.each(refusing)(
    "%s refuses a malformed request in the provider's shape, valid against its schema",
    async (_, operation) => {
      const required = operation.model.parameters.find((p) => p.required && p.in === "query");
      const changes =
        operation.model.body !== undefined
          ? { body: JSON.stringify("not an object") }
          : { omitQuery: [required!.name] };
      const answer = await send(buildRequest(api, operation.model, urlOf(name), secrets, changes));
      expect(answer.status).toBe(operation.invalid!.status);
      expect(validator(operation.model, String(operation.invalid!.status))(answer.json)).toEqual([]);
    },
  );
});
