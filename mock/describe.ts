import { readPointer } from "../generator/runtime/pointer.js";
import { exampleArgs } from "./examples.js";
import { mockApi, secretOptions } from "./mock-api.js";
import { type MockSpec, selectSpecs, shippedSpecs } from "./specs.js";

/** One operation the mocks serve. */
export interface MockedOperation {
  /** The operationId; for these specs also the client method's name. */
  readonly id: string;
  readonly method: string;
  readonly path: string;
  /** Documented statuses ("200", "4XX", "default"). */
  readonly statuses: readonly string[];
  /** Arguments for the generated client method, from the documented examples: a valid request. */
  readonly exampleArgs: Readonly<Record<string, unknown>>;
  /** Its paging, if any: the kind, and how many records each declared page (x-mock-pages) holds. */
  readonly paging?: { readonly kind: "cursor" | "offset"; readonly pageSizes: readonly number[] };
  /** Credential options its first security alternative needs. */
  readonly credentials: readonly string[];
}

/** One provider the mocks serve: its operations, webhooks and the options they hold secrets for. */
export interface MockedProvider {
  readonly name: string;
  readonly operations: readonly MockedOperation[];
  /** Webhook names, with their named examples per media type. */
  readonly webhooks: readonly {
    readonly name: string;
    readonly examples: Readonly<Record<string, readonly string[]>>;
  }[];
  /** Credential and webhook key options: the keys of `secrets` this provider uses. */
  readonly secretOptions: readonly string[];
}

/** What the mocks serve (by default the specs that ship with the package), for tests that cover it all. */
export async function mockedProviders(
  options: { readonly providers?: readonly string[]; readonly specs?: readonly MockSpec[] } = {},
): Promise<MockedProvider[]> {
  const specs = selectSpecs(options.specs ?? (await shippedSpecs()), options.providers);
  return specs.map((spec) => {
    const api = mockApi(spec);
    const documented = { name: api.name, model: api.model, document: spec.document };
    return {
      name: api.name,
      operations: api.operations.map(({ model, pages, success }): MockedOperation => {
        const pagination = model.pagination;
        const sizes = (pages ?? []).map((name) => {
          const items = pagination === undefined ? undefined : readPointer(success?.examples[name], pagination.items);
          return Array.isArray(items) ? items.length : 0;
        });
        return {
          id: model.id,
          method: model.method.toUpperCase(),
          path: model.path,
          statuses: model.responses.map((r) => r.status),
          exampleArgs: exampleArgs(documented, model),
          ...(pagination === undefined
            ? {}
            : { paging: { kind: "nextCursor" in pagination ? "cursor" : "offset", pageSizes: sizes } }),
          credentials: (model.security[0] ?? []).map((auth) => auth.option),
        };
      }),
      webhooks: api.model.webhooks.map((w) => ({
        name: w.name,
        examples: Object.fromEntries(Object.entries(w.examples).map(([type, named]) => [type, Object.keys(named)])),
      })),
      secretOptions: secretOptions(api.model),
    };
  });
}
