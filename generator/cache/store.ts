import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { isRecord } from "../runtime/records.js";
import type { FileHash, OutputState } from "./fingerprint.js";

/** Where the no-change cache lives and which generator wrote it (see cache/version.mjs). */
export interface CacheContext {
  /** node_modules/.cache/payspec/ of the generator's checkout. */
  readonly dir: string;
  readonly version: string;
}

/** What one successful run read and left in its output folders. */
export interface RunRecord {
  readonly version: string;
  readonly inputs: readonly FileHash[];
  readonly output: OutputState;
}

/** One record per run configuration (the folder it ran in and the options that shape output). */
export function recordFile(cache: CacheContext, key: string): string {
  return path.join(cache.dir, `run-${createHash("sha256").update(key).digest("hex").slice(0, 32)}.json`);
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");
const isHashes = (v: unknown): v is FileHash[] =>
  Array.isArray(v) &&
  v.every((h) => isRecord(h) && typeof h.file === "string" && (typeof h.sha256 === "string" || h.sha256 === null));

function asRunRecord(value: unknown): RunRecord | undefined {
  if (!isRecord(value) || typeof value.version !== "string" || !isHashes(value.inputs)) return undefined;
  const output = value.output;
  if (
    !isRecord(output) ||
    typeof output.outDir !== "string" ||
    !isStrings(output.owned) ||
    typeof output.recursive !== "boolean" ||
    !isHashes(output.files)
  )
    return undefined;
  return {
    version: value.version,
    inputs: value.inputs,
    output: { outDir: output.outDir, owned: output.owned, recursive: output.recursive, files: output.files },
  };
}

/** The record, or undefined when there is none or it cannot be read: a bad cache only costs a full run. */
export async function readRecord(file: string): Promise<RunRecord | undefined> {
  try {
    return asRunRecord(JSON.parse(await readFile(file, "utf8")));
  } catch {
    return undefined;
  }
}

/**
 * How many run records the cache keeps. Each folder and option set a run is made with leaves one
 * (a few KiB; throwaway projects leave theirs behind), so the oldest written go first; a pruned
 * record only costs its configuration one full run.
 */
export const KEPT_RECORDS = 50;

const RECORD_NAME = /^run-[0-9a-f]{32}\.json$/;

/** Writes the record whole (staged, then renamed); a failure only means the next run is a full one. */
export async function writeRecord(file: string, record: RunRecord): Promise<void> {
  const staged = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(staged, `${JSON.stringify(record)}\n`);
    await rename(staged, file);
  } catch {
    await rm(staged, { force: true });
    return;
  }
  await pruneRecords(path.dirname(file));
}

/** Removes all but the KEPT_RECORDS most recently written run records of `dir`; nothing else. */
async function pruneRecords(dir: string): Promise<void> {
  try {
    const names = (await readdir(dir)).filter((name) => RECORD_NAME.test(name));
    if (names.length <= KEPT_RECORDS) return;
    const written = await Promise.all(
      names.map(async (name) => ({ name, at: (await stat(path.join(dir, name))).mtimeMs })),
    );
    written.sort((a, b) => b.at - a.at);
    await Promise.all(written.slice(KEPT_RECORDS).map(({ name }) => rm(path.join(dir, name), { force: true })));
  } catch {
    // Another run removed a record first, or the folder cannot be listed: the next write prunes.
  }
}
