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

/** The top-level members of the union after a type head on one line, or undefined if it is none. */
function unionMembers(code: string): { head: string; members: string[] } | undefined {
  if (!code.endsWith(";")) return undefined;
  let depth = 0;
  let quote = "";
  let head = -1;
  const cuts: number[] = [];
  for (let i = 0; i < code.length - 1; i++) {
    const c = code[i]!;
    if (quote !== "") {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if ("([{<".includes(c)) depth++;
    else if (")]}>".includes(c)) depth--;
    else if (depth === 0 && head === -1 && c === " " && TYPE_HEAD.test(code.slice(0, i))) head = i;
    else if (depth === 0 && head !== -1 && code.startsWith(" | ", i)) cuts.push(i);
  }
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
 * Breaks the lines of generated code that are longer than `width`: comment lines at spaces,
 * keeping each line's comment prefix (and a one-line `/** … *\/` becomes a block), and a type
 * alias or property whose type is a union, one member per line (openapi-typescript prints
 * enums on one line). Other code lines, fenced code and table rows inside comments, and words
 * longer than a line are left as they are: the emitters lay code out themselves. One pass
 * serves every generated file.
 */
export function wrapLines(text: string, width = LINE_WIDTH): string {
  let inComment = false;
  let inFence = false;
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const trimmed = line.trimStart();
    const indent = line.slice(0, line.length - trimmed.length);
    const opens = !inComment && trimmed.startsWith("/*");
    const single = opens && trimmed.endsWith("*/") && /^\/\*\*? /.test(trimmed);
    if (opens && !single && !trimmed.includes("*/")) inComment = true;
    else if (inComment && trimmed.includes("*/")) inComment = false;
    const body = /^\* ?(.*)$/.exec(trimmed)?.[1];
    if (body !== undefined && (inComment || trimmed.endsWith("*/")) && /^\s*```/.test(body)) inFence = !inFence;
    if (line.length <= width || inFence || /^\s*(```|\|)/.test(body ?? "")) {
      out.push(line);
      continue;
    }
    if (single) {
      const content = trimmed.replace(/^\/\*\*? /, "").replace(/ ?\*\/$/, "");
      out.push(`${indent}/**`, ...wrapLine(`${indent} * `, content, width), `${indent} */`);
    } else if (trimmed.startsWith("//")) {
      const [, mark = "// ", content = ""] = /^(\/\/+ ?)(.*)$/.exec(trimmed) ?? [];
      out.push(...wrapLine(`${indent}${mark}`, content, width));
    } else if (inComment && body !== undefined) {
      // openapi-typescript indents a tag's continuation ("*     text"): the prefix keeps it.
      const [, spaces = "", content = ""] = /^(\s*)(.*)$/.exec(body) ?? [];
      out.push(...wrapLine(`${indent}* ${spaces}`, content, width));
    } else {
      const union = inComment ? undefined : unionMembers(trimmed);
      if (union === undefined) out.push(line);
      else
        out.push(
          `${indent}${union.head}`,
          ...union.members.map((m, i) => `${indent}  | ${m}${i === union.members.length - 1 ? ";" : ""}`),
        );
    }
  }
  return out.join("\n");
}
