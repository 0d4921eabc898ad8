// Part of `npm run build` (not shipped): writes the bundled spec of every api of redocly.yaml
// to dist/openapi/<api>.json, which `payspec/mock` serves from the installed package.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { projectSpecs } from "./project.js";

const out = path.resolve(process.argv[2] ?? "dist/openapi");
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
for (const spec of await projectSpecs()) {
  await writeFile(path.join(out, `${spec.name}.json`), `${JSON.stringify(spec.document)}\n`);
}
