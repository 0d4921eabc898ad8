import type { ModelContext } from "./context.js";
import type { SchemaModel } from "./types.js";

const COMPONENT_SCHEMA = /^#\/components\/schemas\/[^/]+$/;

/**
 * A copy of `schema` where every `$ref` other than `#/components/schemas/<name>` is replaced by
 * what it points at (bundled specs keep refs into paths or other components). Component refs
 * stay, so recursive schemas stay finite.
 */
export function normalizeSchema(
  schema: unknown,
  ctx: ModelContext,
  seen: ReadonlySet<string> = new Set(),
): SchemaModel {
  if (Array.isArray(schema)) return schema.map((item) => normalizeSchema(item, ctx, seen));
  if (typeof schema !== "object" || schema === null) return schema;
  const ref = (schema as { $ref?: unknown }).$ref;
  if (typeof ref === "string" && !COMPONENT_SCHEMA.test(ref)) {
    if (seen.has(ref)) return {};
    return normalizeSchema(ctx.deref(schema), ctx, new Set([...seen, ref]));
  }
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === "examples" || key === "example" ? value : normalizeSchema(value, ctx, seen),
    ]),
  );
}
