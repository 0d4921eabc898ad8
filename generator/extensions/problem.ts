import type { LintContext } from "../spec/lint-context.js";
import { isIdentifierName } from "../spec/names.js";
import { lintDeref } from "../spec/deref.js";
import { type OperationView, viewOperation } from "../spec/operation.js";

/**
 * What every vendor-extension module shares: a parse result that the model turns into a
 * SpecError and the lint rule into problems at the same places.
 */

/** A finding about a vendor extension: where inside the extension, and what to do. */
export interface Problem {
  /** Path below the extension's own location, e.g. ["cursor", "in"]. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly Problem[] };

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
  if (value === undefined)
    return [{ path: path.slice(0, -1), message: `${what} is missing; name a client option such as "apiKey"` }];
  return typeof value === "string" && isIdentifierName(value)
    ? []
    : [{ path, message: `${what} must be a JavaScript identifier such as "apiKey"` }];
}

/** Problems found inside a part of an extension, moved under that part's path. */
export function under(path: readonly (string | number)[], problems: readonly Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, path: [...path, ...p.path] }));
}

// The lint side: rules report what the parsers find, where they find it.

/** Reports each problem of a parsed extension at its exact location under `key`. */
export function reportProblems<T>(ctx: LintContext, key: string, parsed: Parsed<T>): void {
  if (parsed.ok) return;
  for (const problem of parsed.problems)
    ctx.report({ message: problem.message, location: ctx.location.child([key, ...problem.path]) });
}

/** The operation a rule visits, read as the model reads it. */
export function lintView(operation: object, ctx: LintContext): OperationView {
  return viewOperation(ctx.parent, operation as Record<string, unknown>, "", lintDeref(ctx));
}

/** Whether a visited operation is a webhook's (the provider's call to the merchant, not a client's). */
export function isWebhook(ctx: LintContext): boolean {
  return ctx.location.pointer.startsWith("#/webhooks/");
}
