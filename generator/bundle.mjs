// How `npm run generate` turns the TypeScript generator into one ES module for plain node (about
// 0.1 s; node_modules stay external, so the bundle lives below node_modules/ to resolve them).
// The bundle carries an inline source map: with source maps enabled, a stack trace of an
// internal error names generator/*.ts files, not the temporary bundle. Plain JavaScript on purpose.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** Bundles generator/cli/main.ts into `outfile` (an absolute path). */
export async function bundleGenerator(outfile) {
  await build({
    entryPoints: [fileURLToPath(new URL("./cli/main.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "inline",
    outfile,
    logLevel: "warning",
  });
}
