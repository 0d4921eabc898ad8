import { LINE_WIDTH } from "../../generator/emit/literal.js";

// A string, template or regex literal, or any run without whitespace: what no formatter can break.
const UNBREAKABLE = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`|\S+/g;

/**
 * The lines of `text` longer than LINE_WIDTH, as `line N (width): text`, except a line that
 * would fit without its longest unbreakable piece (a long pattern, URL or message).
 */
export function overlongLines(text: string): string[] {
  return text.split("\n").flatMap((line, i) => {
    if (line.length <= LINE_WIDTH) return [];
    const longest = Math.max(...[...line.matchAll(UNBREAKABLE)].map((m) => m[0].length));
    return line.length - longest <= LINE_WIDTH ? [] : [`line ${i + 1} (${line.length}): ${line}`];
  });
}
