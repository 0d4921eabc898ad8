import type { LintContext } from "./lint-context.js";
import { pointerSegments } from "../runtime/pointer.js";

/** Follows `$ref`s to the node they name; the model and the lint rules each supply how. */
export type Deref = (node: unknown) => unknown;

/** Local `$ref`s ("#/components/…", chains included) of a bundled document; a loop gives undefined. */
export function createDeref(document: unknown): Deref {
  const resolve = (node: unknown, seen: Set<string>): unknown => {
    if (typeof node !== "object" || node === null || !("$ref" in node)) return node;
    const ref = (node as { $ref: unknown }).$ref;
    if (typeof ref !== "string" || !ref.startsWith("#") || seen.has(ref)) return undefined;
    seen.add(ref);
    let current: unknown = document;
    for (const key of ref === "#" || ref === "#/" ? [] : pointerSegments(ref.slice(1))) {
      current = typeof current === "object" && current !== null ? (current as Record<string, unknown>)[key] : undefined;
    }
    return resolve(current, seen);
  };
  return (node) => resolve(node, new Set());
}

/** `$ref`s as Redocly's linter resolves them (any file of the spec). */
export function lintDeref(ctx: LintContext): Deref {
  return (node) =>
    typeof node === "object" && node !== null && "$ref" in node ? ctx.resolve(node as { $ref: string }).node : node;
}
