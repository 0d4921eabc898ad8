// `npm run generate` starts here. The generator is TypeScript; run through tsx it takes about
// twice as long to start as the same code bundled into one ES module and run by plain node
// (bench/RESULTS.md), so each run first bundles generator/ with esbuild (about 0.1 s; node_modules
// stay external, so the bundle lives below node_modules/ to resolve them) and then runs it.
// One bundle per process, removed on exit, so parallel runs never read each other's half-written
// file. Kept as tiny plain JavaScript on purpose.
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const entry = fileURLToPath(new URL("./cli.ts", import.meta.url));
const bundle = new URL(`../node_modules/.cache/payspec/generate-${process.pid}.mjs`, import.meta.url);
process.on("exit", () => rmSync(bundle, { force: true }));
await build({
  entryPoints: [entry],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  outfile: fileURLToPath(bundle),
  logLevel: "warning",
});
await import(bundle.href);
