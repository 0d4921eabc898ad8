import { createRequire } from "node:module";
import type { CacheContext } from "../cache/store.js";
import { type CliOptions, HELP, parseCli, UsageError } from "./args.js";
import { debug } from "./debug.js";
import { generateCommand } from "./generate-command.js";

/** The TypeScript compilers this process loaded (both copies are CommonJS, so in require's cache). */
function loadedCompilers(): string[] {
  const cache = createRequire(import.meta.url).cache;
  return Object.keys(cache).filter((file) => /[/\\]typescript\.js$/.test(file));
}

/** How many CommonJS files the launcher's code cache (code-cache.mjs, Node 20) served and compiled. */
export interface CodeCacheCounts {
  readonly cached: number;
  readonly compiled: number;
}

/**
 * `npm run generate`: see HELP in cli/args.ts for options and exit codes. The launcher passes
 * `cache`, for the no-change answer (generate-command.ts), and `codeCache` where it keeps V8's
 * code cache itself.
 */
export async function main(argv: string[], cache?: CacheContext, codeCache?: CodeCacheCounts): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${HELP}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  if (debug)
    process.once("exit", () => {
      console.log(`TypeScript compilers loaded: ${loadedCompilers().join(", ") || "none"}`);
      if (codeCache !== undefined)
        console.log(`code cache: ${codeCache.cached} CommonJS file(s) from cache, ${codeCache.compiled} compiled`);
    });
  const cwd = process.cwd();
  if (options.watch) return (await import("./watch.js")).watch(options, cwd);
  return generateCommand(
    options,
    { cwd, out: console.log, err: console.error, ...(debug ? { debug: console.log } : {}) },
    cache,
  );
}
