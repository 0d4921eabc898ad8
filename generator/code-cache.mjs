// Node 20 has no module compile cache (Node >= 22.1's `module.enableCompileCache` is used
// instead where it exists). Compiling ts-morph's TypeScript (9 MB of CommonJS) is a large part of
// a full run's start, so on Node 20 the launcher keeps V8's code cache of it itself, the way
// v8-compile-cache does: the file is compiled with its cached code when there is one, and the
// cache is written when the process exits, so it holds the functions the run compiled too. V8
// checks a cache against the source and the engine and rejects one that does not match; the
// file is then compiled as usual and its cache rewritten. Plain JavaScript: the launcher loads it.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";
import { COMPILER } from "./compiler.mjs";

/**
 * Turns the code cache on for the CommonJS `files` (absolute paths), kept in `dir`. Returns live
 * counts of the files compiled with a cache and without (for `DEBUG=payspec`). A file compiled
 * from a cache cannot `import()` on Node 20 (V8 drops the callback with the cache), so only
 * files that never do belong here.
 */
export function enableCodeCache(dir, files) {
  const chosen = new Set(files);
  const counts = { cached: 0, compiled: 0 };
  const pending = new Map();
  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(content, filename) {
    if (!chosen.has(filename)) return compile.call(this, content, filename);
    const { size, mtimeMs } = statSync(filename);
    const key = createHash("sha256").update(`${process.version}\0${filename}\0${size}\0${mtimeMs}`).digest("hex");
    const file = path.join(dir, `${key.slice(0, 32)}.bin`);
    let cachedData;
    try {
      cachedData = readFileSync(file);
    } catch {
      // No cache yet: this run writes it.
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected === true) {
      pending.set(file, script);
      counts.compiled += 1;
    } else counts.cached += 1;
    const wrapper = script.runInThisContext({ displayErrors: true });
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, path.dirname(filename));
  };
  process.once("exit", () => {
    if (pending.size === 0) return;
    try {
      mkdirSync(dir, { recursive: true });
      for (const [file, script] of pending) {
        // Written whole and renamed into place, so a parallel run never reads half a cache.
        const building = `${file}.${process.pid}.tmp`;
        writeFileSync(building, script.createCachedData());
        renameSync(building, file);
      }
    } catch {
      // A cache that cannot be written only means the next run compiles again.
    }
  });
  return counts;
}

/** Where V8's code cache of the compiler is kept: a folder per installed dependency tree. */
export const codeCacheDir = (cacheDir, dependencies) => `${cacheDir}code-${dependencies}`;

/**
 * The compile caches of a full run, below `cacheDir` (node_modules/.cache/payspec/): Node >= 22.1
 * keeps the compiled code of the bundle and its dependencies itself; on Node 20, which has no
 * such function, `enableCodeCache` does it for the largest of them, the compiler (the one every
 * full run loads). NODE_DISABLE_COMPILE_CACHE=1 turns either off, as for any Node program.
 * Returns the code cache's live counts where this file keeps it. The launcher and the benchmark
 * floor (bench/floor.mjs) both start this way.
 */
export function enableCompileCaches(cacheDir, dependencies) {
  if (Module.enableCompileCache !== undefined) {
    Module.enableCompileCache(`${cacheDir}compile`);
    return undefined;
  }
  if (process.env.NODE_DISABLE_COMPILE_CACHE !== undefined) return undefined;
  return enableCodeCache(codeCacheDir(cacheDir, dependencies), [createRequire(import.meta.url).resolve(COMPILER)]);
}
