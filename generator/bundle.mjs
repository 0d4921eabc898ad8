// How `npm run generate` turns the TypeScript generator into ES modules for plain node (about
// 0.4 s, once per generator version: launcher.mjs keeps the result). CommonJS dependencies stay
// external, required by absolute path; ES module dependencies are bundled in. Code split: the
// entry chunk holds the CLI and the no-change cache; the compilers and Redocly load only in the
// chunks a full run imports. Every chunk carries an inline source map, which cli/mapped-stack.ts
// reads when an internal error happens, so its stack names generator/*.ts files. Plain
// JavaScript on purpose.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { STAND_INS } from "./bundle-stand-ins.mjs";
import { COMPILER } from "./compiler.mjs";

const require = createRequire(import.meta.url);

/** Whether Node loads `file` as CommonJS: `.cjs`, or `.js` under a package.json without `"type": "module"`. */
function isCommonJs(file) {
  if (file.endsWith(".cjs")) return true;
  if (!file.endsWith(".js")) return false;
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(`${dir}/package.json`))
      return JSON.parse(readFileSync(`${dir}/package.json`, "utf8")).type !== "module";
  }
  return true;
}

/**
 * One TypeScript compiler per run: openapi-typescript (and the generator's own printing) import
 * `typescript`, ts-morph ships its own copy; every `typescript` import goes to ts-morph's, which
 * ts-morph needs exactly (test/house/one-compiler.test.ts fails if the two versions ever
 * diverge). Every other import is resolved from the folder of the file importing it, as Node
 * would resolve it.
 *
 * A CommonJS dependency is loaded with `require`, not `import`: Node's ES module loader would
 * first scan its whole source for ES syntax and for the names it exports (about 0.6 s a run on
 * Node 20 for the compiler, ts-morph and the Redocly 1 runs loaded then), which `require` never
 * does. An ES module
 * dependency is bundled: Node's loader would resolve, read and link each of its files apart on
 * every run (Redocly 2 and what it imports are about 300 files; importing them bundled takes
 * half the time).
 */
const dependencies = {
  name: "dependencies",
  setup(build) {
    const compiler = require.resolve(COMPILER);
    // The stand-ins of bundle-stand-ins.mjs, each for the importers it names.
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === "resolve") return undefined;
      const index = STAND_INS.findIndex((s) => s.specifier.test(args.path) && s.from(args.importer));
      if (index < 0) return undefined;
      const found = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: "resolve",
      });
      if (found.errors.length > 0) return { errors: found.errors };
      return { path: found.path, namespace: "stand-in", pluginData: index };
    });
    build.onLoad({ filter: /.*/, namespace: "stand-in" }, (args) => ({
      contents: STAND_INS[args.pluginData].contents(args.path),
      loader: "js",
      resolveDir: path.dirname(args.path),
    }));
    // A stand-in's `require(<absolute path>)` stays external; what it imports is bundled.
    build.onResolve({ filter: /.*/, namespace: "stand-in" }, (args) =>
      args.kind === "require-call" ? { path: args.path, external: true } : undefined,
    );
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === "resolve" || args.path.startsWith("node:")) return undefined;
      let file = compiler;
      if (args.path !== "typescript") {
        const found = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          pluginData: "resolve",
        });
        if (found.errors.length > 0) return { errors: found.errors };
        // Node's built-in modules, named without `node:`.
        if (found.external) return { path: args.path, external: true };
        file = found.path;
      }
      // No side effects: a package none of whose imports are used is not loaded at all (such as
      // openapi-typescript's Redocly 1 index, which only its unused `openapiTS()` needs).
      if (isCommonJs(file)) return { path: file, namespace: "require", sideEffects: false };
      return { path: file };
    });
    // The absolute path each `require` module below names stays external, for Node to load.
    // The compiler is only ever imported by default (`import ts from "typescript"`, here and in
    // openapi-typescript), so its shim hands over the module itself: a CommonJS shim would have
    // esbuild copy its 2,244 exports into a fresh object in each of the 16 modules importing it
    // (about 25 ms a run). A named import of it would fail this bundle loudly, not silently.
    build.onResolve({ filter: /.*/, namespace: "require" }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: "require" }, (args) => ({
      contents:
        args.path === compiler
          ? `export default require(${JSON.stringify(args.path)});`
          : `module.exports = require(${JSON.stringify(args.path)});`,
      loader: "js",
    }));
  },
};

/**
 * The commands the launcher runs, by entry name: each module exports `main` (its exit status).
 * Bundled together, they share the chunks of what they import. Every file they import but
 * dependencies lies in a folder of cache/version.mjs's BUNDLED. `mapped-stack` is what the
 * launcher maps an internal error's stack with.
 */
const ENTRIES = {
  main: fileURLToPath(new URL("./cli/main.ts", import.meta.url)),
  lint: fileURLToPath(new URL("./cli/lint.ts", import.meta.url)),
  mock: fileURLToPath(new URL("../mock/dev/cli.ts", import.meta.url)),
  docs: fileURLToPath(new URL("../scripts/build-docs.ts", import.meta.url)),
  "bundle-specs": fileURLToPath(new URL("../mock/dev/bundle-specs.ts", import.meta.url)),
  "mapped-stack": fileURLToPath(new URL("./cli/mapped-stack.ts", import.meta.url)),
};

/** Bundles the ENTRIES into the folder `outdir` (absolute); returns the path of `main`'s. */
export async function bundleGenerator(outdir) {
  await bundleModules(ENTRIES, outdir);
  return `${outdir}/main.mjs`;
}

/**
 * Bundles `entryPoints` (name → absolute file) into `outdir` as the generator is bundled; also
 * how bench/floor.mjs loads the toolchain, so the floor loads it no slower than a run does.
 */
export async function bundleModules(entryPoints, outdir) {
  await build({
    entryPoints,
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    plugins: [dependencies],
    // For the CommonJS dependencies above: esbuild's `require` calls need one in scope.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);',
    },
    sourcemap: "inline",
    // Lines and columns are all a stack trace needs (cli/mapped-stack.ts), not the sources' text.
    sourcesContent: false,
    outdir,
    outExtension: { ".js": ".mjs" },
    logLevel: "warning",
  });
}
