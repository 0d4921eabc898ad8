import type { ModelContext } from "./context.js";

/**
 * What openapi-typescript cannot take and would crash on, refused with its pointer: a `$ref` to
 * the whole document, and a `%` in a path, an operationId or a webhook name (it reads those as
 * percent-encoded JSON pointer segments).
 */
export function checkReferences(ctx: ModelContext): void {
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (typeof node !== "object" || node === null) return;
    const ref = (node as { $ref?: unknown }).$ref;
    if (ref === "#" || ref === "#/")
      ctx.fail(
        [...path, "$ref"],
        "a $ref to the whole document names nothing a spec can use; point it at a definition under #/components",
      );
    for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(ctx.document, []);
}

/** A name openapi-typescript turns into a JSON pointer segment: no `%`. */
export function checkPointerName(
  name: string,
  at: readonly (string | number)[],
  what: string,
  ctx: ModelContext,
): void {
  if (name.includes("%"))
    ctx.fail(
      at,
      `unsupported: a % in the ${what} ${JSON.stringify(name)} (it would be read as percent-encoding); spell it without %`,
    );
}
