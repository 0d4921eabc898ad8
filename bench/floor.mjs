// The floor under benchmark 1, as a whole process: what any full `generate` of the project's
// specs does before its own work, and no more. It loads the toolchain the generator loads
// (ts-morph's TypeScript, ts-morph, Redocly 2; not openapi-typescript) the way the launcher
// does (bundled by generator/bundle.mjs, the compiler from V8's code cache), and lints and
// bundles each spec with Redocly's `recommended-strict` and the project's rule settings, without
// the project's own rules (so it is a lower bound). No types, no emit, nothing written.
// Usage: node bench/floor.mjs <redocly.yaml> (the apis listed there). Plain JavaScript: no loader.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dependencyVersion, generatorVersion } from "../generator/cache/version.mjs";
import { enableCompileCaches } from "../generator/code-cache.mjs";

const repo = fileURLToPath(new URL("..", import.meta.url));
const cacheDir = `${repo}node_modules/.cache/payspec/`;
const dependencies = dependencyVersion(repo);
// As generator/launcher.mjs does: Node's compile cache where it has one, else the compiler's code cache.
enableCompileCaches(cacheDir, dependencies);

const entry = fileURLToPath(new URL("./floor-toolchain.mjs", import.meta.url));
const version = createHash("sha256")
  .update(`${generatorVersion(repo, dependencies)}\0${readFileSync(entry)}`)
  .digest("hex")
  .slice(0, 16);
const dir = `${cacheDir}floor-${version}`;
if (!existsSync(`${dir}/floor-toolchain.mjs`)) {
  const { bundleModules } = await import("../generator/bundle.mjs");
  const building = `${dir}.${process.pid}.tmp`;
  await bundleModules({ "floor-toolchain": entry }, building);
  // One floor bundle is kept: the one of this generator and toolchain.
  for (const name of readdirSync(cacheDir))
    if (name.startsWith("floor-") && !name.endsWith(".tmp"))
      rmSync(`${cacheDir}${name}`, { recursive: true, force: true });
  renameSync(building, dir);
}
const { BaseResolver, bundle, createConfig, lint, parseYaml } = await import(
  pathToFileURL(`${dir}/floor-toolchain.mjs`).href
);

const configFile = path.resolve(process.argv[2] ?? "redocly.yaml");
const project = parseYaml(readFileSync(configFile, "utf8"));
const rules = Object.fromEntries(Object.entries(project.rules ?? {}).filter(([name]) => !name.includes("/")));
const config = await createConfig({ extends: project.extends, rules }, { configPath: configFile });
let problems = 0;
for (const api of Object.values(project.apis ?? {})) {
  const ref = path.resolve(path.dirname(configFile), api.root);
  // One resolver for both, as the generator has: each file is read and parsed once.
  const externalRefResolver = new BaseResolver(config.resolve);
  problems += (await lint({ ref, config, externalRefResolver })).filter((p) => p.severity === "error").length;
  await bundle({ ref, config, externalRefResolver });
}
if (problems > 0) {
  console.error(`${problems} lint error(s)`);
  process.exitCode = 1;
}
