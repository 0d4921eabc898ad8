// Two versions, hashes that change whenever their inputs do: the generator's, for the no-change
// cache (every file under generator/ and the installed dependency tree, whose versions change the
// output too), and the launcher's bundle's (the same over every folder the bundle is built from).
// Plain JavaScript because the launcher needs them before anything is bundled; cheap (two hundred
// small files), so they are computed on every run.
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

/**
 * The folders the launcher's bundle is built from (bundle.mjs's entries and all they import but
 * dependencies); test/house/launcher.test.ts fails if the bundle holds a file outside them.
 */
export const BUNDLED = ["generator", "mock", "scripts"];

/** Hex digest of the files below the folder `dir` of the project at `repo`, named from `repo`. */
function folderDigest(repo, dir) {
  const hash = createHash("sha256");
  for (const file of filesBelow(path.join(repo, dir)).sort()) add(hash, path.relative(repo, file), read(file));
  return hash.digest("hex");
}

/** Hex digest over folder digests (`[dir, digest]`) and `dependencies`. */
function combined(digests, dependencies) {
  const hash = createHash("sha256");
  for (const [dir, digest] of digests) hash.update(`${dir}\0${digest}\0`);
  hash.update(`dependencies\0${dependencies}`);
  return hash.digest("hex").slice(0, 32);
}

/** The version of what shapes generated output: generator/** and the dependencies (`dependencyVersion`). */
export const generatorVersion = (repo, dependencies) =>
  combined([["generator", folderDigest(repo, "generator")]], dependencies);

/**
 * Both versions the launcher needs, each folder read once: `generator` (as `generatorVersion`)
 * and `bundle`, over every folder the launcher's bundle is built from.
 */
export function launchVersions(repo, dependencies) {
  const digests = BUNDLED.map((dir) => [dir, folderDigest(repo, dir)]);
  return {
    generator: combined(
      digests.filter(([dir]) => dir === "generator"),
      dependencies,
    ),
    bundle: combined(digests, dependencies),
  };
}
