import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, inject, it } from "vitest";
import { apiNames } from "../../generator/emit/names.js";
import { REPO } from "../helpers/temp-project.js";
import type { OperationModel } from "../../generator/model/types.js";
import { callArgs, loadApis, type LoadedApi, responseValidators } from "../mock/support.js";

/**
 * The generated clients against Prism mocks built from the same specs (started by
 * test/setup/mocks.ts). Prism validates every request, so a client that sends something the
 * spec forbids fails here; the front ahead of Prism checks declared signatures. Driven by
 * redocly.yaml: a new provider or operation is covered without edits.
 */
const apis = await loadApis();
const urls = inject("mockUrls");
const secrets = inject("mockSecrets");
const DYNAMIC_RUNS = 50;

interface Answer {
  readonly ok: boolean;
  readonly status: number;
  readonly data?: unknown;
  readonly error?: unknown;
}
type Method = (args?: Record<string, unknown>) => Promise<Answer>;

async function clientFor(api: LoadedApi, options: Record<string, unknown> = {}): Promise<Record<string, Method>> {
  const names = apiNames(api.model).client;
  const file = pathToFileURL(path.join(REPO, "generated", api.name, "index.ts")).href;
  const module = (await import(/* @vite-ignore */ file)) as Record<
    string,
    (o: Record<string, unknown>) => Record<string, Method>
  >;
  const factory = module[names.factory];
  if (factory === undefined) throw new Error(`generated/${api.name} exports no ${names.factory}`);
  return factory({ ...secrets, baseUrl: urls[api.name], retry: false, ...options });
}

function methodOf(api: LoadedApi, client: Record<string, Method>, operationId: string): Method {
  const method = client[apiNames(api.model).client.operations.get(operationId)!.method];
  if (method === undefined) throw new Error(`${api.name}: no method for ${operationId}`);
  return method;
}

describe.each(apis.map((api) => [api.name, api] as const))("%s client against its mock", (_name, api) => {
  const validate = responseValidators(api);
  const operations = api.model.operations;

  it.each(
    operations
      .filter((op) => op.responses.some((r) => r.ok && Object.keys(r.examples).length > 0))
      .map((op) => [op.id, op] as const),
  )("%s: the documented example comes back as ok: true, deep-equal", async (_id, op) => {
    const client = await clientFor(api);
    const success = op.responses.find((r) => r.ok && Object.keys(r.examples).length > 0)!;
    const result = await methodOf(api, client, op.id)(callArgs(api, op));
    expect(result).toMatchObject({ ok: true, status: Number(success.status) });
    expect(result.data).toEqual(Object.values(success.examples)[0]);
  });

  const errorCases = operations.flatMap((op) =>
    op.responses
      .filter((r) => !r.ok && /^\d{3}$/.test(r.status))
      .map((r) => [`${op.id} → ${r.status}`, op, r] as const),
  );
  it.each(errorCases)("%s (Prefer: code): ok: false with the typed body", async (_label, op, response) => {
    const client = await clientFor(api);
    const args = callArgs(api, op);
    const result = await methodOf(
      api,
      client,
      op.id,
    )({ ...args, headers: { ...(args.headers as object), prefer: `code=${response.status}` } });
    expect(result).toMatchObject({ ok: false, status: Number(response.status) });
    expect(validate(op, response.status)(result.error)).toEqual([]);
    const example = Object.values(response.examples)[0];
    if (example !== undefined) expect(result.error).toEqual(example);
  });

  it.each(operations.map((op) => [op.id, op] as const))(
    `%s: ${DYNAMIC_RUNS} random schema-valid answers (Prefer: dynamic=true) are each accepted`,
    async (_id, op) => {
      const client = await clientFor(api);
      const args = callArgs(api, op);
      const success = op.responses.find((r) => r.ok)!;
      const bodies = new Set<string>();
      for (let i = 0; i < DYNAMIC_RUNS; i++) {
        const result = await methodOf(
          api,
          client,
          op.id,
        )({ ...args, headers: { ...(args.headers as object), prefer: "dynamic=true" } });
        expect(result).toMatchObject({ ok: true, status: Number(success.status) });
        expect(validate(op, success.status)(result.data)).toEqual([]);
        bodies.add(JSON.stringify(result.data));
      }
      // Proves the answers were random rather than one example repeated.
      expect(bodies.size).toBeGreaterThan(DYNAMIC_RUNS / 2);
    },
    60_000,
  );
});

describe("request signing, proven end to end by the mock front", () => {
  const api = apis.find((a) =>
    a.model.operations.some((op) => op.security.some((alt) => alt.some((auth) => auth.kind === "signature"))),
  );
  if (api === undefined) throw new Error("no spec declares x-signature; this suite needs one");
  const signed = api.model.operations.flatMap((op) =>
    op.security.flatMap((alt) =>
      alt
        .filter((auth) => auth.kind === "signature")
        .map((auth) => [`${op.id} (${auth.option})`, op, auth.option] as const),
    ),
  );

  // An operation whose body is required cannot be called without one (ValidationError before signing).
  const bodies = (op: OperationModel) => [callArgs(api, op), ...(op.body?.required ? [] : [{}])];

  it.each(signed)(
    "%s: the right key passes (with and without a body, where the body is optional)",
    async (_label, op) => {
      const client = await clientFor(api);
      for (const args of bodies(op)) {
        const result = await methodOf(api, client, op.id)(args);
        expect(result).toMatchObject({ ok: true });
      }
    },
  );

  it.each(signed)(
    "%s: a wrong key is refused with the documented 401 (with and without a body, where optional)",
    async (_label, op, option) => {
      const client = await clientFor(api, { [option]: "not-the-key" });
      const unauthorized = op.responses.find((r) => r.status === "401")!;
      for (const args of bodies(op)) {
        const result = await methodOf(api, client, op.id)(args);
        expect(result).toMatchObject({ ok: false, status: 401, error: Object.values(unauthorized.examples)[0] });
      }
    },
  );

  it("the keys are not interchangeable: each operation's own key signs it", async () => {
    const options = [...new Set(signed.map(([, , option]) => option))];
    expect(options.length).toBeGreaterThan(1);
    for (const [, op, option] of signed) {
      const other = options.find((o) => o !== option)!;
      const client = await clientFor(api, { [option]: secrets[other] });
      expect(await methodOf(api, client, op.id)(callArgs(api, op))).toMatchObject({ ok: false, status: 401 });
    }
  });
});
