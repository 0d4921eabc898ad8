import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

/** The repository root (bench/lib/ is two levels down). */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Entry points, run with `node <file>` so no npm/npx start-up is measured on either side. */
export const BIN = {
  tsx: path.join(REPO, "node_modules/tsx/dist/cli.mjs"),
  openapiTypescript: path.join(REPO, "node_modules/openapi-typescript/bin/cli.js"),
  heyApi: path.join(REPO, "node_modules/@hey-api/openapi-ts/bin/run.js"),
  tsc: path.join(REPO, "node_modules/typescript/bin/tsc"),
  npm: "npm",
} as const;

export const CORPUS = path.resolve(REPO, "..", "shared", "corpus");
export const OPENAI_SPEC = path.join(CORPUS, "openai-3.1.yaml");
export const PETSTORE_SPEC = path.join(CORPUS, "petstore-oai-3.0.yaml");

/** Where benchmark inputs that ship compressed are unpacked (git-ignored, like every cache here). */
const UNPACKED = path.join(REPO, "node_modules/.cache/payspec-bench");

/**
 * Large public specs for benchmark "large". Nothing is fetched at bench time: GitHub's comes
 * from a benchmark-only devDependency; Stripe's ships in this repository, gzipped (no npm package
 * carries it alone; see bench/specs/README.md), and is unpacked once per content.
 */
export const LARGE_SPECS = [
  {
    label: "GitHub's REST API, 1,223 operations",
    file: path.join(REPO, "node_modules/@octokit/openapi/generated/api.github.com.json"),
  },
  {
    label: "Stripe's API, 452 operations",
    file: path.join(UNPACKED, "stripe.com.json"),
    gzipped: path.join(REPO, "bench/specs/stripe.com.json.gz"),
  },
] as const;

/** The path of a large spec, ready to read: a gzipped one is unpacked first if it is not already. */
export function largeSpecFile(spec: (typeof LARGE_SPECS)[number]): string {
  if (!("gzipped" in spec)) return spec.file;
  const text = gunzipSync(readFileSync(spec.gzipped));
  const current = existsSync(spec.file) ? readFileSync(spec.file) : undefined;
  if (current === undefined || !current.equals(text)) {
    mkdirSync(path.dirname(spec.file), { recursive: true });
    writeFileSync(spec.file, text);
  }
  return spec.file;
}

/** A path as shown in printed commands: relative to the repo when inside it. */
export function shown(file: string): string {
  const rel = path.relative(REPO, file);
  return rel.startsWith("..") || path.isAbsolute(rel) ? file : rel;
}
