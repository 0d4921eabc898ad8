import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { GENERATED_MARK } from "../emit/header.js";

export interface OutputDiff {
  /** New or different files (relative paths). */
  readonly changed: readonly string[];
  /** Files on disk, inside the generated folders, that the generator no longer produces. */
  readonly removed: readonly string[];
}

async function listFiles(dir: string, recursive: boolean, base = dir): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? (recursive ? listFiles(path.join(dir, e.name), true, base) : []) : [path.relative(base, path.join(dir, e.name))],
    ),
  );
  return nested.flat().map((p) => p.split(path.sep).join("/"));
}

/** Only files the generator wrote (they start with its header) are ever reported as leftovers. */
async function isGenerated(file: string): Promise<boolean> {
  const head = await readFile(file, "utf8").then((t) => t.slice(0, 40), () => "");
  return head.startsWith(GENERATED_MARK);
}

/**
 * Compares the in-memory output with `outDir`. Leftovers are generated files the output no
 * longer contains: anywhere below `outDir` for the project's generated/ ("tree"), or, for a
 * `--out` folder that may hold other files ("flat"), only at its top level and in the
 * subfolders the output writes to.
 */
export async function diffOutput(outDir: string, files: ReadonlyMap<string, string>, scope: "tree" | "flat" = "tree"): Promise<OutputDiff> {
  const subdirs = [...new Set([...files.keys()].filter((f) => f.includes("/")).map((f) => f.split("/")[0]!))];
  const candidates =
    scope === "tree"
      ? await listFiles(outDir, true)
      : [
          ...(await listFiles(outDir, false)),
          ...(await Promise.all(subdirs.map(async (d) => (await listFiles(path.join(outDir, d), true)).map((f) => `${d}/${f}`)))).flat(),
        ];
  const changed: string[] = [];
  for (const [file, content] of files) {
    const current = await readFile(path.join(outDir, file), "utf8").catch(() => undefined);
    if (current !== content) changed.push(file);
  }
  const removed: string[] = [];
  for (const file of candidates) {
    if (!files.has(file) && (await isGenerated(path.join(outDir, file)))) removed.push(file);
  }
  return { changed: changed.sort(), removed: removed.sort() };
}

/**
 * Writes only what changed. Every new content is first staged next to its target; only when all
 * are staged are they renamed into place, so a failure while writing leaves the old output whole.
 */
export async function writeOutput(outDir: string, files: ReadonlyMap<string, string>, diff: OutputDiff): Promise<void> {
  const staged: [string, string][] = [];
  try {
    for (const file of diff.changed) {
      const target = path.join(outDir, file);
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(temp, files.get(file)!);
      staged.push([temp, target]);
    }
  } catch (error) {
    await Promise.all(staged.map(([temp]) => rm(temp, { force: true })));
    throw error;
  }
  for (const [temp, target] of staged) await rename(temp, target);
  for (const file of diff.removed) await rm(path.join(outDir, file), { force: true });
}
