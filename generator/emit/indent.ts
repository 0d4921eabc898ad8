/**
 * Indents generated code by its braces (two spaces a level). For text the generator itself
 * writes, one statement or brace per line, with braces inside string literals and comments
 * ignored: the validators of a large spec are a megabyte, which ts-morph's formatter takes
 * seconds on. A block comment's continuation lines keep the space before their `*`.
 */
export function indentCode(code: string): string {
  let depth = 0;
  let inComment = false;
  const out: string[] = [];
  for (const raw of code.split("\n")) {
    const line = raw.trim();
    if (line === "") {
      out.push("");
      continue;
    }
    if (inComment) {
      out.push(`${"  ".repeat(depth)}${line.startsWith("*") ? " " : ""}${line}`);
      inComment = !line.includes("*/");
      continue;
    }
    const bare = line
      .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""')
      .replace(/\/\*.*?\*\//g, "")
      .replace(/\/\/.*$/, "");
    const opened = bare.indexOf("/*");
    const outside = opened === -1 ? bare : bare.slice(0, opened);
    inComment = opened !== -1;
    const opens = (outside.match(/[{[(]/g) ?? []).length;
    const closes = (outside.match(/[}\])]/g) ?? []).length;
    const leadingCloses = /^[}\])]+/.exec(outside)?.[0].length ?? 0;
    out.push("  ".repeat(Math.max(0, depth - leadingCloses)) + line);
    depth = Math.max(0, depth + opens - closes);
  }
  return `${out.join("\n")}\n`;
}
