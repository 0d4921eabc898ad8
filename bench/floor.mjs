// The floor under benchmark 1, as a whole process: what any full `generate` of the project's
// specs does before its own work, and no more. It loads the toolchain the generator loads
// (ts-morph's TypeScript, ts-morph, Redocly 2; not openapi-typescript) and lints and bundles
// each spec with Redocly's `recommended-strict` and the project's rule settings, without the
// project's own rules (so it is a lower bound). No types, no emit, nothing written.
// Usage: node bench/floor.mjs <redocly.yaml> (the apis listed there). Plain JavaScript: no loader.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
require(require.resolve("@ts-morph/common/dist/typescript.js"));
require("ts-morph");
const { bundle, createConfig, lint } = await import("@redocly/openapi-core");
const { parse } = require("yaml");

const configFile = path.resolve(process.argv[2] ?? "redocly.yaml");
const project = parse(readFileSync(configFile, "utf8"));
const rules = Object.fromEntries(Object.entries(project.rules ?? {}).filter(([name]) => !name.includes("/")));
const config = await createConfig({ extends: project.extends, rules }, { configPath: configFile });
let problems = 0;
for (const api of Object.values(project.apis ?? {})) {
  const ref = path.resolve(path.dirname(configFile), api.root);
  problems += (await lint({ ref, config })).filter((p) => p.severity === "error").length;
  await bundle({ ref, config });
}
if (problems > 0) {
  console.error(`${problems} lint error(s)`);
  process.exitCode = 1;
}
