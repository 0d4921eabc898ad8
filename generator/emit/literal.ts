/** Code to print as is inside a literal (a reference to a generated function, say). */
export class Code {
  constructor(readonly text: string) {}
}

/** Prints plain data as a TypeScript object literal (sorted keys, identifiers unquoted): deterministic. */
export function literal(value: unknown): string {
  if (value instanceof Code) return value.text;
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${propertyKey(k)}: ${literal(v)}`);
    return `{ ${entries.join(", ")} }`;
  }
  return JSON.stringify(value);
}

export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

/** A JSDoc-safe text: no comment terminators. */
export function docText(...parts: (string | undefined)[]): string | undefined {
  const text = parts
    .filter((p): p is string => typeof p === "string" && p.trim().length > 0)
    .map((p) => p.trim())
    .join("\n\n")
    .replace(/\*\//g, "*\\/");
  return text.length > 0 ? text : undefined;
}
