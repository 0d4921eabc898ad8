import { readPointer } from "../runtime/pointer.js";

// Keys whose values are data, not schemas: an example may hold a `properties` key of its own.
const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const"]);

/** The description of the schema `$ref` points to (following a chain of refs), if any. */
function targetDescription(document: unknown, ref: string): string | undefined {
  let target: unknown = { $ref: ref };
  for (let hops = 0; hops < 32; hops++) {
    const next = (target as { $ref?: unknown }).$ref;
    if (typeof next !== "string" || !next.startsWith("#/")) break;
    target = readPointer(document, decodeURIComponent(next.slice(1)));
    if (typeof target !== "object" || target === null) return undefined;
    const description = (target as { description?: unknown }).description;
    if (typeof description === "string") return description;
  }
  return undefined;
}

/** The one ref a property stands for: `{ $ref }` itself, or the ref beside `null` in an anyOf/oneOf. */
function soleRef(property: Record<string, unknown>): string | undefined {
  if (typeof property.$ref === "string") return property.$ref;
  for (const key of ["anyOf", "oneOf"] as const) {
    const branches = property[key];
    if (!Array.isArray(branches)) continue;
    const refs = branches.filter((b): b is { $ref: string } => typeof b?.$ref === "string");
    const others = branches.filter((b) => typeof b?.$ref !== "string");
    if (refs.length === 1 && others.every((b) => b?.type === "null")) return refs[0]!.$ref;
  }
  return undefined;
}

/**
 * A copy of the document in which every property that only refers to a schema carries that
 * schema's description, so the field's hover explains it. A property's own description (OpenAPI
 * 3.1 allows one beside `$ref`) wins. Only for the types: validators and mocks read the spec.
 */
export function describeRefProperties(document: unknown): unknown {
  const visit = (node: unknown, inProperties: boolean): unknown => {
    if (Array.isArray(node)) return node.map((item) => visit(item, false));
    if (typeof node !== "object" || node === null) return node;
    const entries = Object.entries(node).map(([key, value]): [string, unknown] => {
      if (!inProperties && (DATA_KEYS.has(key) || key.startsWith("x-"))) return [key, value];
      const child = visit(value, !inProperties && key === "properties");
      if (!inProperties || typeof child !== "object" || child === null || Array.isArray(child)) return [key, child];
      const property = child as Record<string, unknown>;
      const ref = property.description === undefined ? soleRef(property) : undefined;
      const description = ref === undefined ? undefined : targetDescription(document, ref);
      return [key, description === undefined ? child : { ...property, description }];
    });
    return Object.fromEntries(entries);
  };
  return visit(document, false);
}
