// Part of `npm run build` (through the launcher, generator/launch-bundle-specs.mjs; not shipped):
// writes the bundled spec of every api of redocly.yaml to <dir>/<api>.json (dist/openapi by
// default), which `payspec/mock` serves from the installed package.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { projectSpecs } from "./project.js";

/** The command: its exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  const out = path.resolve(argv[0] ?? "dist/openapi");
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  for (const spec of await projectSpecs()) {
    await writeFile(path.join(out, `${spec.name}.json`), `${JSON.stringify(spec.document)}\n`);
  }
  return 0;
}
