import { LINE_WIDTH } from "./literal.js";

/**
 * The one path by which text from a spec (titles, names, descriptions, pointers, media types)
 * reaches a comment in generated code. A spec is semi-trusted: a `*` `/` in a description, or a
 * line terminator in a file name, must never end a comment and turn the rest into code.
 */

/** Line terminators of ECMAScript: each would end a `//` comment. */
const LINE_TERMINATORS = /[\n\r\u2028\u2029]/g;

/** Text for a JSDoc comment (ts-morph adds the delimiters): parts joined by blank lines, comment terminators broken. */
export function docText(...parts: (string | undefined)[]): string | undefined {
  const text = parts
    .filter((p): p is string => typeof p === "string" && p.trim().length > 0)
    .map((p) => p.trim())
    .join("\n\n")
    .replace(/\*\//g, "*\\/");
  return text.length > 0 ? text : undefined;
}

/** A whole JSDoc comment, for code emitted as text rather than through ts-morph. */
export function jsDoc(...parts: (string | undefined)[]): string {
  const text = docText(...parts) ?? "";
  const lines = text.replace(/\r\n?|[\u2028\u2029]/g, "\n").split("\n");
  return lines.length === 1
    ? `/** ${lines[0]} */`
    : `/**\n${lines.map((l) => ` *${l === "" ? "" : ` ${l}`}`).join("\n")}\n */`;
}

/** Text for a `//` comment: line terminators are written as escapes, so the comment stays one line. */
export function lineComment(text: string): string {
  return text.replace(LINE_TERMINATORS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * A whole JSDoc comment of one sentence, broken between words into lines that fit (at the top
 * level of a file emitted as text); the text goes through jsDoc.
 */
export function docComment(text: string): string {
  if (`/** ${text} */`.length <= LINE_WIDTH) return jsDoc(text);
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && ` * ${lines[last]} ${word}`.length <= LINE_WIDTH) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  // Text that fits a block line but not `/** … */` still needs two lines for jsDoc to make a block.
  const only = lines.length === 1 ? lines[0]!.lastIndexOf(" ") : -1;
  if (only > 0) lines.splice(0, 1, lines[0]!.slice(0, only), lines[0]!.slice(only + 1));
  return jsDoc(lines.join("\n"));
}
