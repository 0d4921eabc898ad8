import { LINE_WIDTH } from "./literal.js";

/** A Markdown list item's marker: its continuation lines are indented past it. */
const LIST_MARKER = /^([-*+]|\d+[.)]) /;

/** Words of `text` packed into lines of at most `room` columns (a longer word gets a line of its own). */
function pack(text: string, room: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/** `prefix + text` as lines within `width`; continuations indented past a list marker or a tag. */
function wrapLine(prefix: string, text: string, width: number): string[] {
  const marker = LIST_MARKER.exec(text)?.[0] ?? (text.startsWith("@") ? "    " : "");
  const room = Math.max(20, width - prefix.length - marker.length);
  const [first, ...rest] = pack(text, room + marker.length);
  const continued = rest.length === 0 ? [] : pack(rest.join(" "), room);
  return [`${prefix}${first}`, ...continued.map((l) => `${prefix}${" ".repeat(marker.length)}${l}`)];
}

/** A type alias's or property signature's head, which a union follows. */
const TYPE_HEAD = /^(?:export )?type [\w$]+ =$|^(?:readonly )?(?:[\w$]+|"(?:[^"\\]|\\.)*")\??:$/;

/**
 * Calls `visit` for each character of `code` outside string literals, with the bracket depth it
 * stands at (a plain loop: this runs over every long line of every generated file).
 */
function forEachUnquoted(code: string, visit: (at: number, char: string, depth: number) => void): void {
  let depth = 0;
  let quote = "";
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (quote !== "") {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else {
      visit(i, c, depth);
      if ("([{<".includes(c)) depth++;
      else if (")]}>".includes(c)) depth--;
    }
  }
}

/** Where ` | ` separates two union members in `code` (at any depth), outside string literals. */
function barPositions(code: string): number[] {
  const bars: number[] = [];
  forEachUnquoted(code, (at, char) => {
    if (char === " " && code.startsWith(" | ", at)) bars.push(at);
  });
  return bars;
}

/** The top-level members of the union after a type head on one line, or undefined if it is none. */
function unionMembers(code: string): { head: string; members: string[] } | undefined {
  if (!code.endsWith(";")) return undefined;
  let head = -1;
  const cuts: number[] = [];
  forEachUnquoted(code, (at, char, depth) => {
    if (depth !== 0 || char !== " ") return;
    if (head === -1) {
      // A head ends in "=" or ":" (TYPE_HEAD): only such a space can end one.
      const before = code[at - 1];
      if ((before === "=" || before === ":") && TYPE_HEAD.test(code.slice(0, at))) head = at;
    } else if (code.startsWith(" | ", at)) cuts.push(at);
  });
  if (head === -1 || cuts.length === 0) return undefined;
  const members: string[] = [];
  let from = head + 1;
  for (const cut of cuts) {
    members.push(code.slice(from, cut));
    from = cut + 3;
  }
  members.push(code.slice(from, -1));
  return { head: code.slice(0, head), members };
}

/**
 * A long line of type code broken before ` | ` wherever it would pass `width` (nested unions,
 * `(A | B)[]`), continuation lines indented four more: valid wherever a union is, since a line
 * that starts with `|` cannot end the type before it.
 */
function breakAtBars(line: string, width: number): string[] {
  const indent = " ".repeat(line.length - line.trimStart().length + 4);
  const bars = barPositions(line);
  const lines: string[] = [];
  // What is left to break is `lead + line.slice(from)`; `at` maps a bar of `line` into it.
  let lead = "";
  let from = 0;
  const at = (bar: number) => bar - from + lead.length;
  while (lead.length + line.length - from > width) {
    const cuts = bars.filter((bar) => bar >= from && at(bar) > indent.length);
    const cut = cuts.filter((bar) => at(bar) <= width).at(-1) ?? cuts[0];
    if (cut === undefined) break;
    lines.push(lead + line.slice(from, cut));
    lead = `${indent}| `;
    from = cut + 3;
  }
  return [...lines, lead + line.slice(from)];
}

/**
 * Breaks the lines of generated code that are longer than `width`: comment lines at spaces,
 * keeping each line's comment prefix (and a one-line `/** … *\/` becomes a block), and a type
 * alias or property whose type is a union, one member per line (openapi-typescript prints
 * enums on one line), and a union still too long before the ` | ` that passes the width. Other
 * code lines, fenced code and table rows inside comments, and words longer than a line are
 * left as they are: the emitters lay code out themselves. The API files it serves hold no
 * regex literal (patterns are `new RegExp` strings), so a ` | ` outside quotes is a union's.
 */
export function wrapLines(text: string, width = LINE_WIDTH): string {
  let inComment = false;
  let inFence = false;
  // Runs of unchanged lines are copied as one slice: generated files run to megabytes, and most
  // of their lines fit.
  const out: string[] = [];
  let copied = 0;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    const trimmed = line.trimStart();
    const opens = !inComment && trimmed.startsWith("/*");
    const single = opens && trimmed.endsWith("*/") && /^\/\*\*? /.test(trimmed);
    if (opens && !single && !trimmed.includes("*/")) inComment = true;
    else if (inComment && trimmed.includes("*/")) inComment = false;
    const body = /^\* ?(.*)$/.exec(trimmed)?.[1];
    if (body !== undefined && (inComment || trimmed.endsWith("*/")) && /^\s*```/.test(body)) inFence = !inFence;
    if (line.length > width && !inFence && !/^\s*(```|\|)/.test(body ?? "")) {
      out.push(text.slice(copied, start), broken(line, trimmed, body, single, inComment, width).join("\n"));
      copied = end;
    }
    start = end + 1;
  }
  out.push(text.slice(copied));
  return out.join("");
}

/** One line longer than `width`, broken as `wrapLines` says. */
function broken(
  line: string,
  trimmed: string,
  body: string | undefined,
  single: boolean,
  inComment: boolean,
  width: number,
): string[] {
  const indent = line.slice(0, line.length - trimmed.length);
  if (single) {
    const content = trimmed.replace(/^\/\*\*? /, "").replace(/ ?\*\/$/, "");
    return [`${indent}/**`, ...wrapLine(`${indent} * `, content, width), `${indent} */`];
  }
  if (trimmed.startsWith("//")) {
    const [, mark = "// ", content = ""] = /^(\/\/+ ?)(.*)$/.exec(trimmed) ?? [];
    return wrapLine(`${indent}${mark}`, content, width);
  }
  if (inComment && body !== undefined) {
    // openapi-typescript indents a tag's continuation ("*     text"): the prefix keeps it.
    const [, spaces = "", content = ""] = /^(\s*)(.*)$/.exec(body) ?? [];
    return wrapLine(`${indent}* ${spaces}`, content, width);
  }
  if (inComment) return [line];
  const union = unionMembers(trimmed);
  const lines =
    union === undefined
      ? [line]
      : [
          `${indent}${union.head}`,
          ...union.members.map((m, i) => `${indent}  | ${m}${i === union.members.length - 1 ? ";" : ""}`),
        ];
  // A member that is itself a long union (or a line with no head) is broken at its bars.
  return lines.flatMap((l) => (l.length > width ? breakAtBars(l, width) : [l]));
}
