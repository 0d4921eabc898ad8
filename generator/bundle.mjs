// How `npm run generate` turns the TypeScript generator into ES modules for plain node (about
// 0.1 s, once per generator version: launch.mjs keeps the result). node_modules stay external,
// so the bundle lives below node_modules/ to resolve them. Code split: the entry chunk holds the
// CLI and the no-change cache; the compilers and Redocly load only in the chunks a full run
// imports. Every chunk carries an inline source map: with source maps enabled, a stack trace of
// an internal error names generator/*.ts files. Plain JavaScript on purpose.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const require = createRequire(import.meta.url);
const OPENAPI_TYPESCRIPT = path.dirname(require.resolve("openapi-typescript/package.json"));

/**
 * One TypeScript compiler per run: openapi-typescript (and the generator's own printing) import
 * `typescript`, ts-morph ships its own copy; every `typescript` import goes to ts-morph's, which
 * ts-morph needs exactly (test/house/one-compiler.test.ts fails if the two versions ever
 * diverge). openapi-typescript is bundled so that its imports pass through here; its other
 * dependencies stay external but are resolved from its own folder (it has its own Redocly 1),
 * and every other package stays external as named.
 */
const oneCompiler = {
  name: "one-typescript",
  setup(build) {
    const compiler = pathToFileURL(require.resolve("@ts-morph/common/dist/typescript.js")).href;
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === "resolve" || args.path.startsWith("node:")) return undefined;
      if (args.path === "typescript") return { path: compiler, external: true };
      if (args.path === "openapi-typescript") return undefined;
      if (!args.importer.startsWith(OPENAPI_TYPESCRIPT + path.sep)) return { external: true };
      const found = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: "resolve",
      });
      if (found.errors.length > 0) return { errors: found.errors };
      return { path: pathToFileURL(found.path).href, external: true };
    });
  },
};

/** Bundles generator/cli/main.ts into the folder `outdir` (absolute); returns the entry's path. */
export async function bundleGenerator(outdir) {
  await build({
    entryPoints: { main: fileURLToPath(new URL("./cli/main.ts", import.meta.url)) },
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    plugins: [oneCompiler],
    sourcemap: "inline",
    outdir,
    outExtension: { ".js": ".mjs" },
    logLevel: "warning",
  });
  return `${outdir}/main.mjs`;
}
