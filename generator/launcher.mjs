// The project's TypeScript commands start here: `npm run generate`, `lint`, `mock`, `docs` and the
// build's spec bundling (launch*.mjs, one file each). The code is TypeScript; run through tsx it
// takes about twice as long to start as the same code bundled into ES modules and run by plain
// node (bench/RESULTS.md). The bundle (bundle.mjs, one entry per command) is kept under
// node_modules/.cache/payspec/, one per version of its sources (a hash of generator/, mock/,
// scripts/ and the installed dependencies, cache/version.mjs), so esbuild runs only after a
// change to them. A bundle is built in a folder of its own and renamed into place whole,
// so parallel runs never read each other's half-written files. Kept as tiny plain JavaScript on
// purpose.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, realpathSync, renameSync, rmSync, statSync, utimesSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dependencyVersion, launchVersions } from "./cache/version.mjs";
import { codeCacheDir, enableCompileCaches } from "./code-cache.mjs";

const repo = fileURLToPath(new URL("..", import.meta.url));
const cacheDir = fileURLToPath(new URL("../node_modules/.cache/payspec/", import.meta.url));
/**
 * Bundles of other versions unused this long are removed when a new one is built. A run imports
 * all its chunks within seconds of starting (watch mode too), so this only has to outlast that.
 */
const STALE_MS = 10 * 60 * 1000;

/**
 * Runs the command `entry` of the bundle (bundle.mjs, ENTRIES) with `argv`, building the bundle
 * first when this version of its sources has none; its exit status becomes the process's.
 */
export async function launch(entry, argv) {
  if (!existsSync(`${repo}node_modules`)) {
    console.error(`${repo}node_modules/ is missing: run \`npm ci\` (or \`npm install\`) there first`);
    process.exit(1);
  }
  const dependencies = dependencyVersion(repo);
  // The no-change cache's records are keyed by the generator's version alone: an edit to the
  // mocks or the docs script rebuilds the bundle but never forces a full generate.
  const versions = launchVersions(repo, dependencies);
  const version = versions.generator;
  // Node's compile cache, or on Node 20 V8's code cache of the compiler (code-cache.mjs).
  const codeDir = codeCacheDir(cacheDir, dependencies);
  const codeCache = enableCompileCaches(cacheDir, dependencies);
  // The bundle names some dependencies by absolute path (bundle.mjs): one per installed node_modules.
  const place = createHash("sha256")
    .update(realpathSync(`${repo}node_modules`))
    .digest("hex")
    .slice(0, 8);
  const bundleDir = `${cacheDir}generator-${versions.bundle}-${place}`;

  if (existsSync(`${bundleDir}/${entry}.mjs`)) {
    // Marks it in use, for the clean-up below.
    utimesSync(bundleDir, new Date(), new Date());
  } else {
    const { bundleGenerator } = await import("./bundle.mjs");
    const building = `${bundleDir}.${process.pid}.tmp`;
    try {
      await bundleGenerator(building);
      renameSync(building, bundleDir);
    } catch (error) {
      // Another run renamed its identical bundle first: use that one.
      if (!existsSync(`${bundleDir}/${entry}.mjs`)) throw error;
    } finally {
      rmSync(building, { recursive: true, force: true });
    }
    // A new bundle can mean new dependencies: code caches of other dependency trees go too.
    for (const name of readdirSync(cacheDir)) {
      const old = `${cacheDir}${name}`;
      const other =
        (name.startsWith("generator-") && old !== bundleDir) || (name.startsWith("code-") && old !== codeDir);
      if (other && Date.now() - statSync(old).mtimeMs > STALE_MS) rmSync(old, { recursive: true, force: true });
    }
  }
  // Node's source maps stay off (they cost every run the .map files of all dependencies); the
  // stack of an internal error is mapped back to the generator's .ts files when it happens.
  const { main } = await import(pathToFileURL(`${bundleDir}/${entry}.mjs`).href);
  try {
    process.exitCode = await main(argv, { dir: cacheDir, version }, codeCache);
  } catch (error) {
    if (error instanceof Error) {
      // The mapping is an entry of the bundle of its own, loaded only when a bug needs it.
      const { mappedStack } = await import(pathToFileURL(`${bundleDir}/mapped-stack.mjs`).href);
      console.error(mappedStack(error.stack ?? error.message));
    } else console.error(String(error));
    process.exitCode = 1;
  }
}
