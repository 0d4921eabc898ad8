import { createHash } from "node:crypto";
import { lstat, readFile } from "node:fs/promises";
import path from "node:path";
import { scan } from "../write/output.js";

/** A file's content hash; null when it does not exist (an absence is an input too). */
export interface FileHash {
  readonly file: string;
  readonly sha256: string | null;
}

/** Where a run wrote: the same fields as the writer's OutputTarget that decide what it owns. */
export interface OutputPlace {
  readonly outDir: string;
  readonly owned: readonly string[];
  readonly recursive: boolean;
}

/** What the owned folders of a run's output held, file by file (paths relative to outDir). */
export interface OutputState extends OutputPlace {
  readonly files: readonly FileHash[];
}

export async function hashFile(file: string): Promise<FileHash> {
  const bytes = await readFile(file).catch(() => undefined);
  return { file, sha256: bytes === undefined ? null : createHash("sha256").update(bytes).digest("hex") };
}

/** Hashes of the given files, each once, in a stable order. */
export function hashFiles(files: readonly string[]): Promise<FileHash[]> {
  return Promise.all([...new Set(files)].sort().map(hashFile));
}

const isRealFolder = async (dir: string) => (await lstat(dir).catch(() => undefined))?.isDirectory() !== false;

/**
 * Every file in the owned folders, hashed; undefined when the writer would refuse or act
 * (a symbolic link there, an owned folder that is not a real folder), so only a full run
 * answers then.
 */
export async function outputState(place: OutputPlace): Promise<OutputState | undefined> {
  if (!(await isRealFolder(place.outDir))) return undefined;
  const files: string[] = [];
  for (const folder of place.owned) {
    const dir = path.join(place.outDir, folder);
    if (!(await isRealFolder(dir))) return undefined;
    const found = await scan(dir, place.outDir, place.recursive);
    if (found.links.length > 0) return undefined;
    files.push(...found.files);
  }
  const hashes = await hashFiles(files.map((f) => path.join(place.outDir, f)));
  return {
    outDir: place.outDir,
    owned: place.owned,
    recursive: place.recursive,
    files: hashes.map((h) => ({ file: path.relative(place.outDir, h.file), sha256: h.sha256 })),
  };
}
