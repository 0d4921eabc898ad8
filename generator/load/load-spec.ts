import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { BaseResolver, bundle, type Config, lint, type NormalizedProblem } from "@redocly/openapi-core";
import type { ApiEntry } from "./project.js";

/** A spec ready for the model: bundled (external refs inlined, internal refs kept). */
export interface LoadedSpec {
  readonly name: string;
  /** Absolute path of the root file. */
  readonly file: string;
  /** sha256 of the root file's bytes, named in every generated file's header. */
  readonly sha256: string;
  readonly document: Record<string, unknown>;
}

/** A spec that cannot be used; the message names the file, the JSON pointer and what to do. */
export class SpecError extends Error {
  override name = "SpecError";
}

export function formatProblem(problem: NormalizedProblem, cwd = process.cwd()): string {
  const where = problem.location[0];
  const file = where ? path.relative(cwd, where.source.absoluteRef) : "?";
  const pointer = where?.pointer ?? "#/";
  return `${file}${pointer.startsWith("#") ? pointer : `#${pointer}`}: ${problem.message}`;
}

/**
 * Errors stop generation, except unresolved "refs" in a discriminator mapping: OpenAPI lets a
 * mapping value be a plain schema name, which Redocly reads as a ref it cannot find.
 */
function isBlocking(problem: NormalizedProblem): boolean {
  if (problem.severity !== "error") return false;
  const pointer = problem.location[0]?.pointer ?? "";
  return !(problem.ruleId === "no-unresolved-refs" && /\/discriminator\/mapping\//.test(pointer));
}

/**
 * Bundles and validates one spec. Only problems of severity "error" stop generation; warnings
 * are `npm run lint`'s business.
 */
export async function loadSpec(api: ApiEntry, config: Config): Promise<LoadedSpec> {
  let bytes: Buffer;
  try {
    bytes = await readFile(api.root);
  } catch (error) {
    throw new SpecError(`${api.root}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the root path in redocly.yaml`);
  }
  const apiConfig = config.forAlias(api.name);
  // One resolver for both passes, so each file is read and parsed once.
  const externalRefResolver = new BaseResolver(apiConfig.resolve);
  const lintErrors = (await lint({ ref: api.root, config: apiConfig, externalRefResolver })).filter(isBlocking);
  if (lintErrors.length > 0) {
    throw new SpecError(lintErrors.map((p) => formatProblem(p)).join("\n"));
  }
  const result = await bundle({ ref: api.root, config: apiConfig, externalRefResolver });
  const bundleErrors = result.problems.filter(isBlocking);
  if (bundleErrors.length > 0) {
    throw new SpecError(bundleErrors.map((p) => formatProblem(p)).join("\n"));
  }
  const document: unknown = result.bundle.parsed;
  if (typeof document !== "object" || document === null) {
    throw new SpecError(`${api.root}: is not an OpenAPI document (expected a YAML or JSON object)`);
  }
  return {
    name: api.name,
    file: api.root,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    document: document as Record<string, unknown>,
  };
}
