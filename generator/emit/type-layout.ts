import { LINE_WIDTH } from "./literal.js";

/**
 * Layout of the code the emitters write as text: one line when it fits, else one part per
 * line, each nesting level two spaces deeper. No formatter runs after them, so this text is
 * what the generated files read.
 */

/** Every line of `text` two spaces deeper, but the first (which continues a line already begun). */
export function indented(text: string): string {
  return text.replace(/\n(?!\n)/g, "\n  ");
}

/** A union: one member per line, each after `|` (the member itself when alone). */
export function unionType(members: readonly string[]): string {
  return members.length === 1 ? members[0]! : `\n${members.map((m) => `  | ${indented(m)}`).join("\n")}`;
}

/** `Name<A, B>`, or its arguments one per line when the line would pass `room` columns. */
export function genericType(name: string, args: readonly string[], room = LINE_WIDTH - 40): string {
  const oneLine = `${name}<${args.join(", ")}>`;
  return oneLine.length <= room && !oneLine.includes("\n")
    ? oneLine
    : `${name}<\n${args.map((a) => `  ${indented(a)}`).join(",\n")}\n>`;
}

/** `{ readonly a: A; readonly b: B }`, or one field per line when it would pass `room` columns. */
export function objectType(fields: readonly (readonly [string, string])[], room = LINE_WIDTH - 40): string {
  const printed = fields.map(([key, type]) => `readonly ${key}: ${type}`);
  const oneLine = `{ ${printed.join("; ")} }`;
  return oneLine.length <= room ? oneLine : `{\n${printed.map((p) => `  ${p};`).join("\n")}\n}`;
}

/** The type of `export type <name> = <type>;`, moved to a line of its own when the line would be long. */
export function aliasedType(name: string, type: string): string {
  return type.includes("\n") || `export type ${name} = ${type};`.length <= LINE_WIDTH ? type : `\n  ${type}`;
}
