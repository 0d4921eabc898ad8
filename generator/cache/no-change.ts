import path from "node:path";
import { hashFiles, outputState } from "./fingerprint.js";
import { type CacheContext, readRecord, recordFile } from "./store.js";

/** The command-line options the key depends on (cli/args.ts's CliOptions extends them). */
export interface KeyedOptions {
  readonly apis: readonly string[];
  readonly spec?: string;
  readonly out?: string;
  readonly watch: boolean;
  readonly help: boolean;
  readonly allowRemoteRefs?: boolean;
  readonly allowOutsideRefs?: boolean;
  readonly allowOtherFiles?: boolean;
}

/**
 * The cache key of a run: its folder and every option that changes what it reads or writes
 * (--check only changes whether it writes, so generate and --check share a record; --force only
 * skips the answer, and its run is recorded). Undefined when no run of these options can be
 * answered from the cache: --watch, --help, and --allow-remote-refs (a remote file has no
 * content hash here).
 */
export function cacheKey(options: KeyedOptions, cwd: string): string | undefined {
  if (options.watch || options.help || options.allowRemoteRefs === true) return undefined;
  const resolve = (p: string | undefined) => (p === undefined ? null : path.resolve(cwd, p));
  return JSON.stringify({
    cwd: path.resolve(cwd),
    apis: options.apis,
    spec: resolve(options.spec),
    out: resolve(options.out),
    allowOutsideRefs: options.allowOutsideRefs === true,
    allowOtherFiles: options.allowOtherFiles === true,
  });
}

/**
 * The output folder when nothing changed since the last successful run with this key: the
 * same generator version, every input file with the same content, and the owned output folders
 * holding exactly what that run left there. Undefined otherwise (a full run decides).
 */
export async function unchangedOutput(cache: CacheContext, key: string): Promise<string | undefined> {
  const record = await readRecord(recordFile(cache, key));
  if (record === undefined || record.version !== cache.version) return undefined;
  const inputs = await hashFiles(record.inputs.map((i) => i.file));
  if (JSON.stringify(inputs) !== JSON.stringify(record.inputs)) return undefined;
  const output = await outputState(record.output);
  if (output === undefined || JSON.stringify(output) !== JSON.stringify(record.output)) return undefined;
  return record.output.outDir;
}
