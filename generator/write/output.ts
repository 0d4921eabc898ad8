import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { GENERATED_MARK } from "../emit/header.js";

/**
 * Where a run writes, and what in it the run owns. The writer only ever writes or deletes files
 * that carry the generated header, only in the folders the run owns, and never through a
 * symbolic link: a target it does not own cannot be damaged.
 */
export interface OutputTarget {
  readonly outDir: string;
  /** Folders of `outDir` (relative, "" for its top level) whose files this run produces. */
  readonly owned: readonly string[];
  /** Folders owned whole (every file below, any depth); the others only at their own level. */
  readonly recursive: boolean;
  /** `--allow-other-files`: files the generator did not write may sit beside its own (never overwritten). */
  readonly allowOtherFiles: boolean;
}

export interface OutputDiff {
  /** New or different files (relative paths). */
  readonly changed: readonly string[];
  /** Generated files, in the owned folders, that the generator no longer produces. */
  readonly removed: readonly string[];
}

/** The output cannot be written without damaging what the generator does not own. */
export class OutputError extends Error {
  override name = "OutputError";
}

const posix = (p: string) => p.split(path.sep).join("/");

async function kindOf(file: string): Promise<"file" | "dir" | "link" | "other" | undefined> {
  const stat = await lstat(file).catch(() => undefined);
  if (stat === undefined) return undefined;
  return stat.isSymbolicLink() ? "link" : stat.isDirectory() ? "dir" : stat.isFile() ? "file" : "other";
}

/** Files below `dir` (relative to `base`), and every symbolic link met; links are never followed. */
export async function scan(
  dir: string,
  base: string,
  recursive: boolean,
): Promise<{ files: string[]; links: string[] }> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  const links: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const relative = posix(path.relative(base, full));
    if (entry.isSymbolicLink()) links.push(relative);
    else if (entry.isFile()) files.push(relative);
    else if (entry.isDirectory() && recursive) {
      const nested = await scan(full, base, true);
      files.push(...nested.files);
      links.push(...nested.links);
    }
  }
  return { files, links };
}

/** Only files the generator wrote start with its header. */
async function isGenerated(file: string): Promise<boolean> {
  const head = await readFile(file, "utf8").then(
    (t) => t.slice(0, GENERATED_MARK.length),
    () => "",
  );
  return head === GENERATED_MARK;
}

/** Refuses an output folder whose files the run could never own: the file system root, home, the project itself or a folder above it. */
export function checkOutDir(outDir: string, cwd: string): void {
  const resolved = path.resolve(outDir);
  const relative = path.relative(resolved, path.resolve(cwd));
  const containsProject = relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
  if (resolved === path.parse(resolved).root || resolved === path.resolve(homedir()) || containsProject) {
    throw new OutputError(
      `--out ${outDir}: choose a folder of its own for the generated client (not the file system root, your home, or a folder holding the project)`,
    );
  }
}

/** Every existing component from `outDir` down to `file` is a real folder, never a link. */
async function checkPath(outDir: string, file: string): Promise<void> {
  let current = outDir;
  if ((await kindOf(current)) === "link")
    throw new OutputError(
      `${current} is a symbolic link; the generator never writes through one (point --out at the real folder)`,
    );
  for (const part of file.split("/").slice(0, -1)) {
    current = path.join(current, part);
    const kind = await kindOf(current);
    if (kind === "link") throw new OutputError(`${current} is a symbolic link; the generator never writes through one`);
    if (kind !== undefined && kind !== "dir")
      throw new OutputError(`${current} is not a folder; move it away so the generated files can go there`);
  }
}

/**
 * Compares the in-memory output with the owned folders of the target and decides what to
 * write and delete, or refuses: a file in the way that the generator did not write, a symbolic
 * link in an owned folder, or (without allowOtherFiles) any other file of its own there.
 */
export async function diffOutput(target: OutputTarget, files: ReadonlyMap<string, string>): Promise<OutputDiff> {
  const { outDir } = target;
  const present: string[] = [];
  const links: string[] = [];
  for (const folder of target.owned) {
    const found = await scan(path.join(outDir, folder), outDir, target.recursive);
    present.push(...found.files);
    links.push(...found.links);
  }
  if (links.length > 0)
    throw new OutputError(
      `${posix(path.join(outDir, links[0]!))} is a symbolic link in the output; the generator never writes or deletes through one (remove it)`,
    );
  const generated = new Map(
    await Promise.all(present.map(async (file) => [file, await isGenerated(path.join(outDir, file))] as const)),
  );
  const foreign = present.filter((file) => generated.get(file) === false);
  const collision = foreign.find((file) => files.has(file));
  if (collision !== undefined) {
    throw new OutputError(
      `${posix(path.join(outDir, collision))} was not written by the generator (it has no generated header); it is never overwritten: move it, or generate elsewhere`,
    );
  }
  if (foreign.length > 0 && !target.allowOtherFiles) {
    const shown = foreign
      .slice(0, 5)
      .map((f) => `  ${posix(path.join(outDir, f))}`)
      .join("\n");
    throw new OutputError(
      `the output folder holds files the generator did not write; generate into a folder of its own, or pass --allow-other-files to keep them beside the generated ones:\n${shown}${foreign.length > 5 ? `\n  … and ${foreign.length - 5} more` : ""}`,
    );
  }
  const changed: string[] = [];
  for (const [file, content] of files) {
    await checkPath(outDir, file);
    const current = await readFile(path.join(outDir, file), "utf8").catch(() => undefined);
    if (current !== content) changed.push(file);
  }
  const removed = present.filter((file) => generated.get(file) === true && !files.has(file));
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
