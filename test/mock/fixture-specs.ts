// The specs the mock tests serve, loaded as the mocks load them. Apart from support.ts (which
// re-exports them) because orphan-child.ts, a process of its own, needs only these: support.ts
// also imports the generator's emitters and Ajv, which cost that process a second of imports.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadSpec } from "../../generator/load/load-spec.js";
import { loadProject, standaloneConfig } from "../../generator/load/project.js";
import { buildModel } from "../../generator/model/build-model.js";
import type { ApiModel } from "../../generator/model/types.js";
import type { MockSpec } from "../../mock/specs.js";
import { REPO } from "../helpers/temp-project.js";

export interface LoadedApi {
  readonly name: string;
  readonly model: ApiModel;
  /** The bundled spec: all refs local, so schemas can be validated with `components` in reach. */
  readonly document: Record<string, unknown>;
}

/** Every api of redocly.yaml, as the mocks see them. */
export async function loadApis(dir = process.cwd()): Promise<LoadedApi[]> {
  const project = await loadProject(dir);
  return Promise.all(
    project.apis.map(async (api) => {
      const spec = await loadSpec(api, project.config);
      return { name: api.name, model: buildModel(spec), document: spec.document };
    }),
  );
}

/** The behaviour fixtures of the mocks: small specs named after what they prove. */
export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

/** Fixture specs (file names without .yaml), bundled and checked as `--spec` loads any spec. */
export async function fixtureSpecs(...names: string[]): Promise<(MockSpec & LoadedApi)[]> {
  const config = await standaloneConfig();
  return Promise.all(
    names.map(async (name) => {
      const spec = await loadSpec({ name, root: path.join(FIXTURES, `${name}.yaml`) }, config, REPO);
      return { name, document: spec.document, file: spec.file, model: buildModel(spec) };
    }),
  );
}
