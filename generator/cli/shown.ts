import path from "node:path";

/** An output folder as messages name it: relative to where the command ran, unless it lies outside. */
export function shownDir(cwd: string, outDir: string): string {
  const relative = path.relative(cwd, outDir);
  return relative.startsWith("..") ? outDir : relative || ".";
}
