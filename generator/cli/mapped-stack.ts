import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** A frame's place in an ES module file: `file:///…/chunk-X.mjs:12:34` or `/…/chunk-X.mjs:12:34`. */
const FRAME = /((?:file:\/\/)?[^\s()]+\.mjs):(\d+):(\d+)/g;
const INLINE_MAP = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/;

const asPath = (file: string) => (file.startsWith("file://") ? fileURLToPath(file) : file);

/** The inline source map a bundle chunk ends with (generator/bundle.mjs), if it has one. */
function inlineMap(file: string): SourceMap | undefined {
  try {
    const base64 = INLINE_MAP.exec(readFileSync(file, "utf8"))?.[1];
    return base64 === undefined ? undefined : new SourceMap(JSON.parse(Buffer.from(base64, "base64").toString("utf8")));
  } catch {
    // A frame that cannot be mapped is shown as it is.
    return undefined;
  }
}

/**
 * An error's stack with each frame in a chunk of the bundled generator rewritten to the
 * generator's own .ts file, line and column. The launcher leaves Node's source maps off: with
 * them on, every run read and parsed the .map file of every dependency it loaded (473 files,
 * 1.9 MB, for the project's specs), which only an internal error's stack ever needs. So the
 * chunks' inline maps are read here, once such an error happens. Frames elsewhere stay as they are.
 */
export function mappedStack(stack: string): string {
  const maps = new Map<string, SourceMap | undefined>();
  return stack.replace(FRAME, (frame, file: string, line: string, column: string) => {
    const chunk = asPath(file);
    if (!maps.has(chunk)) maps.set(chunk, inlineMap(chunk));
    const entry = maps.get(chunk)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (entry === undefined || !("originalSource" in entry)) return frame;
    const source = entry.originalSource.startsWith("file://")
      ? fileURLToPath(entry.originalSource)
      : path.resolve(path.dirname(chunk), entry.originalSource);
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}
