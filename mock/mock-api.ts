import { parseXMockInvalid, type XMockInvalid } from "../generator/extensions/x-mock-invalid.js";
import { parseXMockPages, type XMockPages } from "../generator/extensions/x-mock-pages.js";
import { parseXMockUnauthorized, type XMockUnauthorized } from "../generator/extensions/x-mock-unauthorized.js";
import type { Parsed } from "../generator/extensions/problem.js";
import { buildModel } from "../generator/model/build-model.js";
import { isJsonMediaType } from "../generator/runtime/media-types.js";
import { pointerOf } from "../generator/runtime/pointer.js";
import { asRecord } from "../generator/runtime/records.js";
import { createDeref } from "../generator/spec/deref.js";
import { SpecError } from "../generator/model/spec-error.js";
import type { ApiModel, OperationModel, ResponseModel } from "../generator/model/types.js";
import type { MockSpec } from "./specs.js";

/** One operation as the front serves it: the generator's model plus the x-mock-* declarations. */
export interface MockOperation {
  readonly model: OperationModel;
  /** The lowest documented 2xx with a JSON body, whose examples are the pages. */
  readonly success?: ResponseModel;
  readonly pages?: XMockPages;
  /** The refusal template: the operation's own `x-mock-invalid`, else the spec's. */
  readonly invalid?: XMockInvalid;
}

/** What a front needs to know about one spec. */
export interface MockApi {
  readonly name: string;
  readonly spec: MockSpec;
  readonly model: ApiModel;
  readonly operations: readonly MockOperation[];
  /** Schemes whose value the front compares with the test secret (those with x-credential or x-signature). */
  readonly checked: ReadonlySet<string>;
  /** Scheme → its `x-mock-unauthorized`. */
  readonly unauthorized: ReadonlyMap<string, XMockUnauthorized>;
}

/**
 * The model of a bundled spec plus its x-mock-* declarations, read with the same parsers the
 * lint rules use; a malformed one is a SpecError naming its JSON pointer.
 */
export function mockApi(spec: MockSpec): MockApi {
  const shown = spec.file ?? spec.name;
  const model = buildModel({ name: spec.name, file: shown, document: spec.document });
  const deref = createDeref(spec.document);
  const unwrap = <T>(parsed: Parsed<T>, at: readonly (string | number)[]): T => {
    if (parsed.ok) return parsed.value;
    const first = parsed.problems[0]!;
    throw new SpecError(`${shown}${pointerOf([...at, ...first.path])}: ${first.message}`);
  };
  const root = spec.document["x-mock-invalid"];
  const rootInvalid = root === undefined ? undefined : unwrap(parseXMockInvalid(root), ["x-mock-invalid"]);
  const paths = asRecord(spec.document.paths) ?? {};

  const operations = model.operations.map((operation): MockOperation => {
    const at = ["paths", operation.path, operation.method];
    const node = asRecord(asRecord(deref(paths[operation.path]))?.[operation.method]) ?? {};
    const success = operation.responses.find(
      (r) => /^2\d\d$/.test(r.status) && r.contentType !== undefined && isJsonMediaType(r.contentType),
    );
    const pages =
      node["x-mock-pages"] === undefined
        ? undefined
        : unwrap(
            parseXMockPages(node["x-mock-pages"], {
              pagination: operation.pagination,
              examples: success?.examples ?? {},
            }),
            [...at, "x-mock-pages"],
          );
    const own =
      node["x-mock-invalid"] === undefined
        ? undefined
        : unwrap(parseXMockInvalid(node["x-mock-invalid"]), [...at, "x-mock-invalid"]);
    const invalid = own ?? rootInvalid;
    return {
      model: operation,
      ...(success ? { success } : {}),
      ...(pages ? { pages } : {}),
      ...(invalid ? { invalid } : {}),
    };
  });

  const schemes = asRecord(asRecord(spec.document.components)?.securitySchemes) ?? {};
  const checked = new Set<string>();
  const unauthorized = new Map<string, XMockUnauthorized>();
  for (const [name, raw] of Object.entries(schemes)) {
    const scheme = asRecord(deref(raw)) ?? {};
    if (scheme["x-credential"] !== undefined || scheme["x-signature"] !== undefined) checked.add(name);
    if (scheme["x-mock-unauthorized"] !== undefined) {
      unauthorized.set(
        name,
        unwrap(parseXMockUnauthorized(scheme["x-mock-unauthorized"]), [
          "components",
          "securitySchemes",
          name,
          "x-mock-unauthorized",
        ]),
      );
    }
  }
  return { name: spec.name, spec, model, operations, checked, unauthorized };
}

/** The credential and webhook key options of a spec: what the mocks hold a test secret for. */
export function secretOptions(model: ApiModel): string[] {
  return [...new Set([...model.credentials.map((c) => c.option), ...model.webhooks.map((w) => w.signature.secret)])];
}
