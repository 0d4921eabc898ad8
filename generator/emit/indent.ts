/**
 * Indents generated code by its braces (two spaces a level). For text the generator itself
 * writes, one statement or brace per line, with braces inside string literals ignored: the
 * validators of a large spec are a megabyte, which ts-morph's formatter takes seconds on.
 */
export function indentCode(code: string): string {
  let depth = 0;
  const out: string[] = [];
  for (const raw of code.split("\n")) {
    const line = raw.trim();
    if (line === "") {
      out.push("");
      continue;
    }
    const bare = line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
    const opens = (bare.match(/[{[(]/g) ?? []).length;
    const closes = (bare.match(/[}\])]/g) ?? []).length;
    const leadingCloses = /^[}\])]+/.exec(bare)?.[0].length ?? 0;
    out.push("  ".repeat(Math.max(0, depth - leadingCloses)) + line);
    depth = Math.max(0, depth + opens - closes);
  }
  return `${out.join("\n")}\n`;
}
