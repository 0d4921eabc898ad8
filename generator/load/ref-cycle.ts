import { pointerOf, unescapeSegment } from "../runtime/pointer.js";

/** The node at a local `$ref` ("#/a/b") in `document`, or undefined. */
function target(document: unknown, ref: string): unknown {
  let node = document;
  for (const raw of ref.slice(2).split("/")) {
    const key = unescapeSegment(decoded(raw));
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

/** A pointer segment with its %-escapes decoded; one that is not valid %-encoding is taken as written. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function refOf(node: unknown): string | undefined {
  const ref = typeof node === "object" && node !== null ? (node as { $ref?: unknown }).$ref : undefined;
  return typeof ref === "string" && ref.startsWith("#/") ? ref : undefined;
}

/**
 * The first chain of local `$ref`s in a document that ends where it started (A → B → A): a ref
 * that never reaches a definition. Redocly throws on it without saying where; this says where.
 */
export function findRefCycle(document: unknown): { pointer: string; chain: string[] } | undefined {
  const visit = (node: unknown, path: string[]): { pointer: string; chain: string[] } | undefined => {
    const ref = refOf(node);
    if (ref !== undefined) {
      const chain = [ref];
      for (let next = target(document, ref); refOf(next) !== undefined; next = target(document, refOf(next)!)) {
        if (chain.includes(refOf(next)!)) return { pointer: pointerOf(path), chain: [...chain, refOf(next)!] };
        chain.push(refOf(next)!);
      }
      return undefined;
    }
    if (typeof node !== "object" || node === null) return undefined;
    for (const [key, child] of Object.entries(node)) {
      const found = visit(child, [...path, key]);
      if (found) return found;
    }
    return undefined;
  };
  return visit(document, []);
}

/** The keywords whose entries apply to the very value their schema checks (unlike properties or items). */
const SAME_VALUE = ["allOf", "anyOf", "oneOf"] as const;

/** The local `$ref`s a schema applies to the value it checks: its own, and its allOf/anyOf/oneOf entries' (inline ones too). */
function sameValueRefs(node: unknown, out: string[] = []): string[] {
  if (typeof node !== "object" || node === null) return out;
  const ref = refOf(node);
  if (ref !== undefined) out.push(ref);
  for (const key of SAME_VALUE) {
    const entries = (node as Record<string, unknown>)[key];
    if (Array.isArray(entries)) for (const entry of entries) sameValueRefs(entry, out);
  }
  return out;
}

/**
 * The first component schema that reaches itself through `$ref`, `allOf`, `anyOf` or `oneOf`
 * alone (A: allOf [B], B: allOf [A]), never through a property or an item. Redocly accepts it,
 * but no type can name it (TypeScript: "circularly references itself") and a validator would
 * check the same value forever; `chain` is the loop, first pointer repeated at the end.
 */
export function findSchemaLoop(document: unknown): { pointer: string; chain: string[] } | undefined {
  const schemas = (document as { components?: { schemas?: unknown } } | null)?.components?.schemas;
  if (typeof schemas !== "object" || schemas === null) return undefined;
  const done = new Set<string>();
  const visit = (ref: string, chain: string[]): string[] | undefined => {
    const at = chain.indexOf(ref);
    if (at !== -1) return [...chain.slice(at), ref];
    if (done.has(ref)) return undefined;
    for (const next of sameValueRefs(target(document, ref))) {
      const loop = visit(next, [...chain, ref]);
      if (loop) return loop;
    }
    done.add(ref);
    return undefined;
  };
  for (const name of Object.keys(schemas)) {
    const loop = visit(pointerOf(["components", "schemas", name]), []);
    if (loop) return { pointer: loop[0]!, chain: loop };
  }
  return undefined;
}
