import { cacheKey, unchangedOutput } from "../cache/no-change.js";
import type { CacheContext } from "../cache/store.js";
import type { CliOptions } from "./args.js";
import { shownDir } from "./shown.js";

/** Where a command runs and where it writes: its folder and its output streams. */
export interface CommandIo {
  readonly cwd: string;
  readonly out: (message: string) => void;
  readonly err: (message: string) => void;
  /** The `DEBUG=payspec` lines, when they are wanted. */
  readonly debug?: (message: string) => void;
}

/**
 * `generate` once (not `--watch`), as `main` runs it for the launcher: with a `cache`, a run
 * with nothing changed since the last one answers without loading the pipeline (its compilers
 * and Redocly are in chunks imported below only when needed), and a full run records what it
 * read and wrote. Returns the exit status. Tests of the cache run it in process.
 */
export async function generateCommand(options: CliOptions, io: CommandIo, cache?: CacheContext): Promise<number> {
  const key = cache === undefined ? undefined : cacheKey(options, io.cwd);
  if (cache !== undefined && key !== undefined && options.force !== true) {
    const outDir = await unchangedOutput(cache, key);
    io.debug?.(`no-change cache: ${outDir === undefined ? "miss, full run" : "hit"}`);
    if (outDir !== undefined) {
      const shown = shownDir(io.cwd, outDir);
      io.out(
        `${shown}/ ${options.check ? "is up to date" : "unchanged"} (no input changed since the last run; --force runs in full)`,
      );
      return 0;
    }
  }
  const { runOnce } = await import("./run.js");
  const remember = cache === undefined || key === undefined ? undefined : { cache, key };
  return (await runOnce(options, io.cwd, io.out, io.err, remember)).code;
}
