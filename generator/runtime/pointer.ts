/** Reads the value at an RFC 6901 JSON pointer ("/result/items"), or undefined when absent. */
export function readPointer(value: unknown, pointer: string): unknown {
  let current = value;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A copy of `value` with the value at `pointer` replaced (the containers on the way are copied). */
export function withPointer(value: unknown, pointer: string, replacement: unknown): unknown {
  const [raw, ...rest] = pointer.split("/").slice(1);
  if (raw === undefined) return replacement;
  const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
  const container = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  const child = withPointer(container[key], rest.length === 0 ? "" : `/${rest.join("/")}`, replacement);
  return Array.isArray(container) ? Object.assign([...container], { [key]: child }) : { ...container, [key]: child };
}
