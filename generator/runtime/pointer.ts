/** RFC 6901 JSON pointers: one place for their escaping, used by the runtime, the generator and the mocks. */

/** One segment as written in a pointer (`~` → `~0`, `/` → `~1`). */
export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** One segment as the key it names. */
export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** The keys a pointer ("/result/items") names, in order. */
export function pointerSegments(pointer: string): string[] {
  return pointer.split("/").slice(1).map(unescapeSegment);
}

/** A pointer into a document, as a URI fragment ("#/paths/~1a/get"), from its keys. */
export function pointerOf(segments: readonly (string | number)[]): string {
  return `#/${segments.map((s) => escapeSegment(String(s))).join("/")}`;
}

/** Reads the value at an RFC 6901 JSON pointer ("/result/items"), or undefined when absent. */
export function readPointer(value: unknown, pointer: string): unknown {
  let current = value;
  for (const key of pointerSegments(pointer)) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A copy of `value` with the value at `pointer` replaced (the containers on the way are copied). */
export function withPointer(value: unknown, pointer: string, replacement: unknown): unknown {
  const [key, ...rest] = pointerSegments(pointer);
  if (key === undefined) return replacement;
  const container = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  const child = withPointer(container[key], rest.map((s) => `/${escapeSegment(s)}`).join(""), replacement);
  return Array.isArray(container) ? Object.assign([...container], { [key]: child }) : { ...container, [key]: child };
}
