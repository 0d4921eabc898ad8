import { existsSync } from "node:fs";
import path from "node:path";
import { type Config, createConfig, loadConfig } from "@redocly/openapi-core";
import { payspecPlugin } from "../../lint/plugin.js";

/** One provider as listed under `apis:` in redocly.yaml. */
export interface ApiEntry {
  /** The `apis:` key; also the output folder name under generated/. */
  readonly name: string;
  /** Absolute path of the spec. */
  readonly root: string;
}

export interface Project {
  readonly dir: string;
  readonly config: Config;
  readonly apis: readonly ApiEntry[];
}

export class ProjectConfigError extends Error {
  override name = "ProjectConfigError";
}

/** Reads redocly.yaml (the single list of providers) with the project's lint plugin loaded. */
export async function loadProject(dir: string): Promise<Project> {
  const configPath = path.join(dir, "redocly.yaml");
  if (!existsSync(configPath)) {
    throw new ProjectConfigError(`redocly.yaml: not found in ${dir}; create it with an apis: entry per spec (see README "Adding a provider")`);
  }
  const config = await loadConfig({ configPath, plugins: [payspecPlugin] });
  const entries = Object.entries(config.resolvedConfig.apis ?? {});
  if (entries.length === 0) {
    throw new ProjectConfigError(`redocly.yaml#/apis: no apis listed; add one entry per spec (name: { root: specs/<name>.yaml })`);
  }
  const apis = entries
    .map(([name, api]) => ({ name, root: path.resolve(dir, api.root) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const api of apis) {
    if (!/^[a-z][a-z0-9-]*$/.test(api.name)) {
      throw new ProjectConfigError(`redocly.yaml#/apis/${api.name}: name it in lower-case letters, digits and dashes; it becomes a folder and an import path`);
    }
    if (!existsSync(api.root)) {
      throw new ProjectConfigError(`redocly.yaml#/apis/${api.name}/root: ${path.relative(dir, api.root)} does not exist; fix the path or add the spec`);
    }
  }
  return { dir, config, apis };
}

/**
 * Validation for a spec outside the project (`--spec`): refs must resolve and vendor
 * extensions must be well-formed. Redocly's structural rule is left out: real specs bend the
 * schema (`nullable` in 3.1, tags on path items) in ways the generator tolerates, and the
 * project's stricter conventions are its own.
 */
export async function standaloneConfig(): Promise<Config> {
  const rules = Object.fromEntries(
    Object.keys(payspecPlugin.rules?.oas3 ?? {})
      .filter((id) => id.startsWith("payspec/x-"))
      .map((id) => [id, "error" as const]),
  );
  return createConfig({ extends: [], rules: { "no-unresolved-refs": "error", ...rules } }, { plugins: [payspecPlugin] });
}
