import { LINE_WIDTH } from "./literal.js";

/**
 * Layout of the type expressions the emitters write as text: one line when it fits, else one
 * part per line. Continuation lines are indented by two spaces; the file's formatter (ts-morph)
 * re-indents them to their nesting.
 */

/** A union: one member per line, each after `|` (the member itself when alone). */
export function unionType(members: readonly string[]): string {
  return members.length === 1 ? members[0]! : `\n${members.map((m) => `  | ${m.replace(/\n/g, "\n  ")}`).join("\n")}`;
}

/** `Name<A, B>`, or its arguments one per line when the line would pass `room` columns. */
export function genericType(name: string, args: readonly string[], room = LINE_WIDTH - 40): string {
  const oneLine = `${name}<${args.join(", ")}>`;
  return oneLine.length <= room && !oneLine.includes("\n")
    ? oneLine
    : `${name}<\n${args.map((a) => `  ${a.replace(/\n/g, "\n  ")}`).join(",\n")}\n>`;
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
