import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { BaseResolver, bundle, type Config, lint, type NormalizedProblem, parseYaml } from "@redocly/openapi-core";
import type { ApiEntry } from "./project.js";

/** A spec ready for the model: bundled (external refs inlined, internal refs kept). */
export interface LoadedSpec {
  readonly name: string;
  /** Absolute path of the root file. */
  readonly file: string;
  /** The root file as messages show it: relative to the project folder when inside it. */
  readonly displayPath: string;
  /** sha256 of the root file's bytes, named in every generated file's header. */
  readonly sha256: string;
  readonly document: Record<string, unknown>;
}

/** A spec that cannot be used; the message names the file, the JSON pointer and what to do. */
export class SpecError extends Error {
  override name = "SpecError";
}

/** A file as messages show it: relative to `cwd` when inside it, absolute otherwise. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative.split(path.sep).join("/");
}

/** What to do about Redocly's findings, which say what is wrong but not how to fix it. */
const ADVICE: Readonly<Record<string, string>> = {
  "no-unresolved-refs": "fix the $ref or add what it points to",
  struct: "see the OpenAPI specification for what belongs here",
  "operation-operationId-unique": "give each operation its own operationId",
  "operation-operationId": "add an operationId (it names the client method)",
};

export function formatProblem(problem: NormalizedProblem, cwd: string): string {
  const where = problem.location[0];
  const file = where ? displayPath(where.source.absoluteRef, cwd) : "?";
  const pointer = where?.pointer ?? "#/";
  const advice = ADVICE[problem.ruleId];
  return `${file}${pointer.startsWith("#") ? pointer : `#${pointer}`}: ${problem.message}${advice ? ` (${advice})` : ""}`;
}

/**
 * What Redocly and openapi-typescript would otherwise fail on with a stack trace: an empty or
 * unparsable file, Swagger 2, an OpenAPI version other than 3.0 or 3.1.
 */
function checkDocument(text: string, shown: string): void {
  if (text.trim() === "") throw new SpecError(`${shown}: the file is empty; write an OpenAPI 3.0 or 3.1 document`);
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    const at = mark?.line === undefined ? "" : ` at line ${mark.line + 1}, column ${(mark.column ?? 0) + 1}`;
    throw new SpecError(`${shown}: not valid YAML or JSON${at}: ${(error as { reason?: string }).reason ?? (error as Error).message.split("\n")[0]}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new SpecError(`${shown}#/: not an OpenAPI document (expected a mapping with openapi, info and paths)`);
  }
  const doc = parsed as Record<string, unknown>;
  if (doc.swagger !== undefined) {
    throw new SpecError(`unsupported: Swagger ${String(doc.swagger)} at ${shown}#/swagger; convert the spec to OpenAPI 3 (for example with swagger2openapi)`);
  }
  if (typeof doc.openapi !== "string" || !/^3\.[01]\.\d+$/.test(doc.openapi)) {
    throw new SpecError(`unsupported: OpenAPI version ${JSON.stringify(doc.openapi ?? null)} at ${shown}#/openapi; write openapi: 3.1.0 (or 3.0.x)`);
  }
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
export async function loadSpec(api: ApiEntry, config: Config, cwd = process.cwd()): Promise<LoadedSpec> {
  const shown = displayPath(api.root, cwd);
  let bytes: Buffer;
  try {
    bytes = await readFile(api.root);
  } catch (error) {
    throw new SpecError(`${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the root path in redocly.yaml`);
  }
  checkDocument(bytes.toString("utf8"), shown);
  const apiConfig = config.forAlias(api.name);
  // One resolver for both passes, so each file is read and parsed once.
  const externalRefResolver = new BaseResolver(apiConfig.resolve);
  const lintErrors = (await lint({ ref: api.root, config: apiConfig, externalRefResolver })).filter(isBlocking);
  if (lintErrors.length > 0) {
    throw new SpecError(lintErrors.map((p) => formatProblem(p, cwd)).join("\n"));
  }
  const result = await bundle({ ref: api.root, config: apiConfig, externalRefResolver });
  const bundleErrors = result.problems.filter(isBlocking);
  if (bundleErrors.length > 0) {
    throw new SpecError(bundleErrors.map((p) => formatProblem(p, cwd)).join("\n"));
  }
  const document: unknown = result.bundle.parsed;
  if (typeof document !== "object" || document === null) {
    throw new SpecError(`${shown}: is not an OpenAPI document (expected a YAML or JSON object)`);
  }
  return {
    name: api.name,
    file: api.root,
    displayPath: shown,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    document: document as Record<string, unknown>,
  };
}
