// `npm run generate` starts here. The generator is TypeScript; run through tsx it takes about
// twice as long to start as the same code bundled into one ES module and run by plain node
// (bench/RESULTS.md), so each run first bundles generator/ (bundle.mjs) and then runs it. One
// bundle per process, removed on exit, so parallel runs never read each other's half-written
// file. Kept as tiny plain JavaScript on purpose.
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bundleGenerator } from "./bundle.mjs";

const bundle = new URL(`../node_modules/.cache/payspec/generate-${process.pid}.mjs`, import.meta.url);
process.on("exit", () => rmSync(bundle, { force: true }));
await bundleGenerator(fileURLToPath(bundle));
// Stack traces of internal errors then name the generator's own files and lines.
process.setSourceMapsEnabled(true);
await import(bundle.href);
