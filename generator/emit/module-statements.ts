import { LINE_WIDTH } from "./literal.js";

/** `{ a, b }` after `head` and before `tail`: on one line when it fits in LINE_WIDTH, else one name per line. */
function nameList(head: string, names: readonly string[], tail: string): string {
  const oneLine = `${head} { ${names.join(", ")} }${tail}`;
  if (oneLine.length <= LINE_WIDTH) return oneLine;
  return `${head} {\n${names.map((n) => `  ${n},`).join("\n")}\n}${tail}`;
}

/** `export { a, b } from "./x.js";` (or `export type`); `names` entries may be `name as alias`. */
export function exportFrom(names: readonly string[], from: string, typeOnly = false): string {
  return nameList(typeOnly ? "export type" : "export", names, ` from ${JSON.stringify(from)};`);
}

/** `import { a, type B } from "./x.js";` (or `import type`); `names` entries may be `name as alias`. */
export function importFrom(names: readonly string[], from: string, typeOnly = false): string {
  return nameList(typeOnly ? "import type" : "import", names, ` from ${JSON.stringify(from)};`);
}

/** `export function name(param: Type): Return {` — its parameter on a line of its own when long. */
export function exportedFunctionHead(name: string, parameter: string, returnType: string): string {
  const oneLine = `export function ${name}(${parameter}): ${returnType} {`;
  return oneLine.length <= LINE_WIDTH ? oneLine : `export function ${name}(\n  ${parameter},\n): ${returnType} {`;
}
