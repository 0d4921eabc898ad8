import { isIdentifierName } from "../spec/names.js";

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

/**
 * A property name for generated code, valid in object literals and type members alike. Names
 * of Object.prototype members are always quoted, and `__proto__` is a computed key: written
 * bare or quoted in an object literal it would set the prototype instead of a property.
 */
export function propertyKey(name: string): string {
  if (name === "__proto__") return `[${JSON.stringify(name)}]`;
  return isIdentifierName(name) && !(name in Object.prototype) ? name : JSON.stringify(name);
}
