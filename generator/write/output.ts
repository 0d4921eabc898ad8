import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export interface OutputDiff {
  /** New or different files (relative paths). */
  readonly changed: readonly string[];
  /** Files on disk, inside the generated folders, that the generator no longer produces. */
  readonly removed: readonly string[];
}

async function listFiles(dir: string, base = dir): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))])),
  );
  return nested.flat().map((p) => p.split(path.sep).join("/"));
}

/**
 * Compares the in-memory output with `outDir`. Only the top-level folders the output owns are
 * scanned for leftovers, so `--api one` never deletes another provider's files.
 */
export async function diffOutput(outDir: string, files: ReadonlyMap<string, string>): Promise<OutputDiff> {
  const owned = new Set([...files.keys()].map((f) => f.split("/")[0]!));
  const onDisk = (await Promise.all([...owned].map(async (top) => (await listFiles(path.join(outDir, top))).map((f) => `${top}/${f}`)))).flat();
  const changed: string[] = [];
  for (const [file, content] of files) {
    const current = await readFile(path.join(outDir, file), "utf8").catch(() => undefined);
    if (current !== content) changed.push(file);
  }
  const removed = onDisk.filter((f) => !files.has(f));
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
