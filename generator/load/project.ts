import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Config, createConfig, parseYaml } from "@redocly/openapi-core";
import { payspecPlugin } from "../lint/plugin.js";
import { isRecord } from "../runtime/records.js";
import { PROJECT_LAYOUT } from "../emit/layout.js";
import { aliasCopies, MAX_YAML_ALIASES, OPT_INS, type RefPolicy } from "./resolver.js";
import { yamlErrorPlace } from "./yaml-error.js";

/** One provider as listed under `apis:` in redocly.yaml. */
export interface ApiEntry {
  /** The `apis:` key; also the output folder name under generated/. */
  readonly name: string;
  /** Absolute path of the spec. */
  readonly root: string;
  /** What its `$ref`s may reach; default: its own folder, no network. */
  readonly policy?: RefPolicy;
}

/** The opt-ins a user can give on the command line, over those of redocly.yaml. */
export interface RefOptIns {
  readonly allowRemoteRefs?: boolean;
  readonly allowOutsideRefs?: boolean;
}

export interface Project {
  readonly dir: string;
  readonly config: Config;
  readonly apis: readonly ApiEntry[];
}

/** Folder names under generated/ that the generator uses itself. */
const RESERVED_API_NAMES = [PROJECT_LAYOUT.runtimeDir.replace(/\/$/, "")];

export class ProjectConfigError extends Error {
  override name = "ProjectConfigError";
}

/**
 * The `x-payspec` opt-ins of redocly.yaml, after refusing what it may not do unasked: an
 * `extends` (top-level or per api) that is a URL would be fetched while the config loads.
 */
function readOptIns(root: Record<string, unknown>, cli: RefOptIns): Required<RefOptIns> {
  const own = isRecord(root["x-payspec"]) ? root["x-payspec"] : {};
  const optIns = {
    allowRemoteRefs: cli.allowRemoteRefs === true || own.allowRemoteRefs === true,
    allowOutsideRefs: cli.allowOutsideRefs === true || own.allowOutsideRefs === true,
  };
  const extendsLists: [string, unknown][] = [
    ["#/extends", root.extends],
    ...Object.entries(isRecord(root.apis) ? root.apis : {}).map(([name, api]): [string, unknown] => [
      `#/apis/${name}/extends`,
      isRecord(api) ? api.extends : undefined,
    ]),
  ];
  for (const [pointer, list] of extendsLists) {
    (Array.isArray(list) ? list : []).forEach((entry, i) => {
      if (!optIns.allowRemoteRefs && typeof entry === "string" && /^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) {
        throw new ProjectConfigError(
          `redocly.yaml${pointer}/${i}: a remote extends (${entry}) is not fetched unless you opt in with ${OPT_INS.remote}`,
        );
      }
    });
  }
  return optIns;
}

/** Reads redocly.yaml (the single list of providers) with the project's lint plugin loaded. */
export async function loadProject(dir: string, cli: RefOptIns = {}): Promise<Project> {
  const configPath = path.join(dir, "redocly.yaml");
  if (!existsSync(configPath)) {
    throw new ProjectConfigError(
      `redocly.yaml: not found in ${dir}; create it with an apis: entry per spec (see README "Adding a provider")`,
    );
  }
  let raw: unknown;
  try {
    // Redocly's own parser, as the Redocly CLI reads this file with it.
    raw = parseYaml(readFileSync(configPath, "utf8"));
  } catch (error) {
    throw new ProjectConfigError(`redocly.yaml: not valid YAML ${yamlErrorPlace(error)}; fix it`);
  }
  if (aliasCopies(raw) > MAX_YAML_ALIASES) {
    throw new ProjectConfigError(
      `redocly.yaml: more than ${MAX_YAML_ALIASES} YAML alias expansions (an alias bomb?); write the repeated parts out`,
    );
  }
  const root = isRecord(raw) ? raw : {};
  const policy: RefPolicy = { root: dir, ...readOptIns(root, cli) };
  // `plugins:` names the rules' module for the real Redocly CLI; here the same rules come in as
  // an object, so nothing is imported from the config (and no TypeScript loader is needed).
  // `openapi:` holds the reference pages' settings (`npm run docs`), which neither lint nor
  // bundle reads: Redocly would check it against the docs renderer's option schemas, about a
  // twentieth of a full run (70 ms), for nothing.
  const { plugins: _plugins, openapi: _docs, ...forLint } = root;
  const config = await createConfig(forLint as Parameters<typeof createConfig>[0], {
    configPath,
    plugins: [payspecPlugin],
  });
  const entries = Object.entries(config.resolvedConfig.apis ?? {});
  if (entries.length === 0) {
    throw new ProjectConfigError(
      `redocly.yaml#/apis: no apis listed; add one entry per spec (name: { root: specs/<name>.yaml })`,
    );
  }
  const apis = entries
    .map(([name, api]) => ({ name, root: path.resolve(dir, api.root), policy }))
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const api of apis) {
    if (!/^[a-z][a-z0-9-]*$/.test(api.name)) {
      throw new ProjectConfigError(
        `redocly.yaml#/apis/${api.name}: name it in lower-case letters, digits and dashes; it becomes a folder and an import path`,
      );
    }
    if (RESERVED_API_NAMES.includes(api.name)) {
      throw new ProjectConfigError(
        `redocly.yaml#/apis/${api.name}: "${api.name}" is reserved (generated/${api.name}/ holds the shared client runtime); choose another name`,
      );
    }
    if (!existsSync(api.root)) {
      throw new ProjectConfigError(
        `redocly.yaml#/apis/${api.name}/root: ${path.relative(dir, api.root)} does not exist; fix the path or add the spec`,
      );
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
  return createConfig(
    { extends: [], rules: { "no-unresolved-refs": "error", ...rules } },
    { plugins: [payspecPlugin] },
  );
}
