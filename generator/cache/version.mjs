// The generator's version for the no-change cache and the cached launcher bundle: a hash of every
// file under generator/ and of the installed dependency tree (their versions change the output
// too). Plain JavaScript because the launcher needs it before anything is bundled; cheap (a
// hundred small files), so it runs on every `npm run generate`.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** What besides generator/ shapes the output: the lockfile and what npm actually installed. */
const DEPENDENCY_FILES = ["package-lock.json", "node_modules/.package-lock.json"];

function filesBelow(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(full) : entry.isFile() ? [full] : [];
  });
}

const read = (file) => {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
};

/** Adds one named file's bytes (or their absence) to a hash. */
const add = (hash, name, bytes) =>
  hash.update(`${name}\0${bytes === undefined ? "absent" : bytes.length}\0`).update(bytes ?? "");

/** Hex digest over the dependency files of the project at `repo`: what npm installed. */
export function dependencyVersion(repo) {
  const hash = createHash("sha256");
  for (const file of DEPENDENCY_FILES) add(hash, file, read(path.join(repo, file)));
  return hash.digest("hex").slice(0, 32);
}

/** Hex digest over generator/** and the dependencies (`dependencyVersion`) of the project at `repo`. */
export function generatorVersion(repo, dependencies) {
  const hash = createHash("sha256");
  const generator = path.join(repo, "generator");
  for (const file of filesBelow(generator).sort()) add(hash, path.relative(generator, file), read(file));
  hash.update(`dependencies\0${dependencies}`);
  return hash.digest("hex").slice(0, 32);
}
