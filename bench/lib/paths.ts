import path from "node:path";
import { fileURLToPath } from "node:url";

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

/**
 * Large public specs for benchmark "large", shipped by npm packages that are benchmark-only
 * devDependencies (nothing is fetched at bench time).
 */
export const LARGE_SPECS = [
  path.join(REPO, "node_modules/@octokit/openapi/generated/api.github.com.json"), // GitHub's REST API, 1,223 operations
] as const;

/** A path as shown in printed commands: relative to the repo when inside it. */
export function shown(file: string): string {
  const rel = path.relative(REPO, file);
  return rel.startsWith("..") || path.isAbsolute(rel) ? file : rel;
}
