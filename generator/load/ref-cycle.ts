import { pointerOf, unescapeSegment } from "../runtime/pointer.js";

/** The node at a local `$ref` ("#/a/b") in `document`, or undefined. */
function target(document: unknown, ref: string): unknown {
  let node = document;
  for (const raw of ref.slice(2).split("/")) {
    const key = unescapeSegment(decodeURIComponent(raw));
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
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
