/** RFC 6901 helpers for the bundled document, whose refs are all local ("#/components/..."). */
export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function pointerOf(segments: readonly (string | number)[]): string {
  return `#/${segments.map((s) => escapeSegment(String(s))).join("/")}`;
}

/** Follows local `$ref`s (chains included) to the node they name. */
export function createDeref(document: unknown): (node: unknown) => unknown {
  const resolve = (node: unknown, seen: Set<string>): unknown => {
    if (typeof node !== "object" || node === null || !("$ref" in node)) return node;
    const ref = (node as { $ref: unknown }).$ref;
    if (typeof ref !== "string" || !ref.startsWith("#") || seen.has(ref)) return undefined;
    seen.add(ref);
    let current: unknown = document;
    for (const raw of ref.slice(2).split("/")) {
      if (raw === "" && ref === "#/") break;
      const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      current = typeof current === "object" && current !== null ? (current as Record<string, unknown>)[key] : undefined;
    }
    return resolve(current, seen);
  };
  return (node) => resolve(node, new Set());
}
