import { isIdentifierName } from "../model/names.js";

/** A finding about a vendor extension: where inside the extension, and what to do. */
export interface Problem {
  /** Path below the extension's own location, e.g. ["cursor", "in"]. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reports keys outside `allowed`, so a typo (`credentails`) is an error, not a silent no-op. */
export function unknownKeys(value: Record<string, unknown>, allowed: readonly string[]): Problem[] {
  return Object.keys(value)
    .filter((key) => !allowed.includes(key))
    .map((key) => ({ path: [key], message: `unknown key "${key}"; allowed: ${allowed.join(", ")}` }));
}

export function nonEmptyString(value: unknown, path: readonly (string | number)[], what: string): Problem[] {
  return typeof value === "string" && value.length > 0 ? [] : [{ path, message: `${what} must be a non-empty string` }];
}

/** A client option name becomes a property name in generated code, so it must be an identifier. */
export function identifier(value: unknown, path: readonly (string | number)[], what: string): Problem[] {
  if (value === undefined) return [{ path: path.slice(0, -1), message: `${what} is missing; name a client option such as "apiKey"` }];
  return typeof value === "string" && isIdentifierName(value)
    ? []
    : [{ path, message: `${what} must be a JavaScript identifier such as "apiKey"` }];
}
