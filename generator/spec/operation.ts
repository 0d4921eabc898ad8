import { isJsonMediaType } from "../runtime/media-types.js";
import { asRecord } from "../runtime/records.js";
import type { Deref } from "./deref.js";
import { chosenMedia, mediaExamples } from "./media.js";

/** A parameter as written, with where it was declared (path-item parameters come first). */
export interface DeclaredParameter {
  readonly node: unknown;
  /** Path below the operation's path item: ["parameters", i] or [method, "parameters", i]. */
  readonly at: readonly (string | number)[];
}

/**
 * The parameters that apply to an operation: the path item's, overridden by the operation's
 * own of the same name and location.
 */
export function declaredParameters(
  pathItem: unknown,
  operation: Record<string, unknown>,
  method: string,
  deref: Deref,
): DeclaredParameter[] {
  const merged = new Map<string, DeclaredParameter>();
  const lists: [unknown, readonly (string | number)[]][] = [
    [asRecord(pathItem)?.parameters, []],
    [operation.parameters, [method]],
  ];
  for (const [list, base] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((node, i) => {
      const p = asRecord(deref(node));
      merged.set(`${String(p?.in)}:${String(p?.name)}:${p === undefined ? i : ""}`, {
        node,
        at: [...base, "parameters", i],
      });
    });
  }
  return [...merged.values()];
}

/** What the extensions and the mock rules read of an operation, the same for the model and the linter. */
export interface OperationView {
  readonly parameters: readonly {
    readonly in: string;
    readonly name: string;
    readonly required: boolean;
    readonly schema?: unknown;
  }[];
  /**
   * Schema of the JSON body of the operation's lowest 2xx answer: the only one a page or a
   * batch result is read from (a 3xx redirects; it has no body to page through).
   */
  readonly successSchema: unknown;
  /** Named examples of that answer, in spec order (the first is what the mocks answer). */
  readonly successExamples: Readonly<Record<string, unknown>>;
  /** Documented status → names of its JSON examples, or null when it has no JSON body. */
  readonly responses: Readonly<Record<string, readonly string[] | null>>;
  /** Schema of the JSON request body, if the body is JSON. */
  readonly bodySchema: unknown;
  readonly deref: Deref;
}

function jsonMedia(holder: unknown, deref: Deref): Record<string, unknown> | undefined {
  const chosen = chosenMedia(holder, deref);
  return chosen !== undefined && isJsonMediaType(chosen.mediaType) ? chosen.media : undefined;
}

/** The lowest documented 2xx status key ("200" before "201" before "2XX"), if any. */
export function successStatus(responses: Readonly<Record<string, unknown>>): string | undefined {
  return Object.keys(responses)
    .filter((status) => /^2(\d\d|XX)$/i.test(status))
    .sort((a, b) => a.toUpperCase().localeCompare(b.toUpperCase()))[0];
}

export function viewOperation(
  pathItem: unknown,
  operation: Record<string, unknown>,
  method: string,
  deref: Deref,
): OperationView {
  const parameters = declaredParameters(pathItem, operation, method, deref).flatMap(({ node }) => {
    const p = asRecord(deref(node));
    return p === undefined
      ? []
      : [
          {
            in: String(p.in),
            name: String(p.name),
            required: p.required === true || p.in === "path",
            schema: p.schema,
          },
        ];
  });
  const responses = asRecord(deref(operation.responses)) ?? {};
  const documented = Object.fromEntries(
    Object.entries(responses).map(([status, response]) => {
      const media = jsonMedia(response, deref);
      return [status, media === undefined ? null : Object.keys(mediaExamples(media, deref))];
    }),
  );
  const success = successStatus(responses);
  const successMedia = success === undefined ? undefined : jsonMedia(responses[success], deref);
  return {
    parameters,
    successSchema: successMedia?.schema,
    successExamples: mediaExamples(successMedia, deref),
    responses: documented,
    bodySchema: jsonMedia(operation.requestBody, deref)?.schema,
    deref,
  };
}
