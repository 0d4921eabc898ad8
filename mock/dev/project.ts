// Development only (not shipped): the specs of a payspec checkout, read through redocly.yaml.
import path from "node:path";
import { loadSpec } from "../../generator/load/load-spec.js";
import { loadProject } from "../../generator/load/project.js";
import type { MockSpec } from "../specs.js";

/**
 * Every api of `dir`'s redocly.yaml, linted and bundled as `npm run generate` loads them. Prism
 * reads each spec's own file.
 */
export async function projectSpecs(dir = process.cwd()): Promise<MockSpec[]> {
  const project = await loadProject(path.resolve(dir));
  return Promise.all(
    project.apis.map(async (api) => {
      const spec = await loadSpec(api, project.config);
      return { name: api.name, document: spec.document, file: api.root };
    }),
  );
}
