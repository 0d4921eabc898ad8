import { isIdentifierName } from "../spec/names.js";

/** Code to print as is inside a literal (a reference to a generated function, say). */
export class Code {
  constructor(readonly text: string) {}
}

/** Lines of generated code stay within this many columns, but for literals that cannot break. */
export const LINE_WIDTH = 120;

/** How keys and separators are written: a TypeScript object literal, or JSON text. */
interface Syntax {
  readonly key: (name: string) => string;
  /** Whether the last entry of a broken container keeps its comma (TypeScript does, JSON cannot). */
  readonly trailingComma: boolean;
  /** Whether `Code` may appear (JSON holds data only). */
  readonly code: boolean;
}

const TYPESCRIPT: Syntax = { key: propertyKey, trailingComma: true, code: true };
const JSON_TEXT: Syntax = { key: (name) => JSON.stringify(name), trailingComma: false, code: false };

/**
 * Prints plain data as a TypeScript literal: on one line when it fits in `room` columns,
 * otherwise one entry per line (indented by two spaces a level), recursively. Object entries
 * keep their insertion order, which the emitters choose (id, method, path first, say); data
 * from a spec keeps the spec's order. Both are deterministic.
 */
export function literal(value: unknown, room = LINE_WIDTH - 40, indent = ""): string {
  return layout(value, room, indent, TYPESCRIPT);
}

/**
 * Plain data as JSON text laid out as `literal` lays out code, inside String.raw`…` for
 * `JSON.parse`: TypeScript reads a string in no time where it types a literal of a few thousand
 * lines in about a third of a second (OpenAI's rules), in every build of the app. The text
 * starts at the column after the backtick; the lines after it at column 0. Backticks and `${`
 * cannot appear in JSON outside a string, so inside one they are written as the JSON escapes
 * `\u0060` and `$\u007b`; every other character is JSON's own escaping (`JSON.stringify`, as in
 * `literal`), which String.raw hands to `JSON.parse` unchanged.
 */
export function jsonSource(value: unknown, room: number): string {
  const text = layout(value, room - "String.raw`".length - 1, "", JSON_TEXT)
    .replaceAll("`", "\\u0060")
    .replaceAll("${", "$\\u007b");
  return `String.raw\`${text}\``;
}

function layout(value: unknown, room: number, indent: string, syntax: Syntax): string {
  const entries = entriesOf(value, syntax);
  // Code, scalars and empty containers cannot break: one line, however long.
  if (entries === undefined || entries.length === 0) return oneLine(value, Number.POSITIVE_INFINITY, syntax, entries)!;
  const line = oneLine(value, room, syntax, entries);
  if (line !== undefined) return line;
  const [open, close] = brackets(value);
  const inner = `${indent}  `;
  const lines = entries.map(([key, item], i) => {
    const prefix = `${inner}${key === undefined ? "" : `${key}: `}`;
    const comma = syntax.trailingComma || i < entries.length - 1 ? "," : "";
    return `${prefix}${layout(item, LINE_WIDTH - prefix.length - 1, inner, syntax)}${comma}`;
  });
  return `${open.trim()}\n${lines.join("\n")}\n${indent}${close.trim()}`;
}

const brackets = (value: unknown): readonly [string, string] => (Array.isArray(value) ? ["[", "]"] : ["{ ", " }"]);

/**
 * `value` on one line, or undefined as soon as that line would pass `room` columns: a value too
 * long for one line is never printed whole on one (at every level of a deep table, that made
 * printing it quadratic in its depth). `entries` are the value's, when the caller has them.
 */
function oneLine(value: unknown, room: number, syntax: Syntax, entries = entriesOf(value, syntax)): string | undefined {
  if (value instanceof Code) return value.text.length <= room ? value.text : undefined;
  if (entries === undefined) {
    const text = JSON.stringify(value);
    return text.length <= room ? text : undefined;
  }
  const [open, close] = brackets(value);
  if (entries.length === 0) return `${open.trim()}${close.trim()}`;
  let line = open;
  for (const [i, [key, item]] of entries.entries()) {
    line += `${i === 0 ? "" : ", "}${key === undefined ? "" : `${key}: `}`;
    const left = room - line.length - close.length;
    const text = left < 0 ? undefined : oneLine(item, left, syntax);
    if (text === undefined) return undefined;
    line += text;
  }
  line += close;
  return line.length <= room ? line : undefined;
}

/** The entries of an array or object (undefined values left out), or undefined for a scalar or Code. */
function entriesOf(value: unknown, syntax: Syntax): [string | undefined, unknown][] | undefined {
  if (value instanceof Code) {
    if (!syntax.code) throw new Error(`code cannot be JSON data: ${value.text}`);
    return undefined;
  }
  if (Array.isArray(value)) return value.map((item) => [undefined, item]);
  if (typeof value !== "object" || value === null) return undefined;
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [syntax.key(k), v]);
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
