import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { bundle, type Config, lint, type NormalizedProblem, ResolveError, YamlParseError } from "@redocly/openapi-core";
import { SpecError } from "../model/spec-error.js";
import { findRefCycle, findSchemaLoop } from "./ref-cycle.js";
import type { ApiEntry } from "./project.js";
import { PolicyResolver } from "./resolver.js";
import { yamlErrorPlace } from "./yaml-error.js";

export { SpecError };

/** A spec ready for the model: bundled (external refs inlined, internal refs kept). */
export interface LoadedSpec {
  readonly name: string;
  /** Absolute path of the root file. */
  readonly file: string;
  /** The root file as messages show it: relative to the project folder when inside it. */
  readonly displayPath: string;
  /**
   * sha256 named in every generated file's header: of the root file's bytes, or, for a spec
   * split into files, of every file it refers to (path and content, in path order).
   */
  readonly sha256: string;
  /** Every file the spec was bundled from, the root first (absolute paths). */
  readonly files: readonly string[];
  readonly document: Record<string, unknown>;
}

/**
 * A file as messages and generated headers show it: relative to the project folder (with `..`
 * when outside it), so output does not depend on where the checkout lives.
 */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return path.isAbsolute(relative) || relative === "" ? file : relative.split(path.sep).join("/");
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

/** The top-level `swagger` / `openapi` values of a spec, read without a full YAML parse where possible. */
function versionFields(text: string): { swagger?: string; openapi?: string } {
  // JSON (minified ones included, which have no line starts to anchor on) parses fast natively.
  if (/^\s*\{/.test(text)) {
    try {
      const parsed: unknown = JSON.parse(text);
      const root = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
      const field = (key: string) =>
        typeof root[key] === "string" || typeof root[key] === "number" ? { [key]: String(root[key]) } : {};
      return { ...field("swagger"), ...field("openapi") };
    } catch {
      // Not strict JSON (YAML's flow style, say): read it like YAML below.
    }
  }
  const swagger = /^\s*["']?swagger["']?\s*:\s*["']?([^"',\s}]+)/m.exec(text)?.[1];
  const openapi = /^\s*["']?openapi["']?\s*:\s*["']?([^"',\s}]+)/m.exec(text)?.[1];
  return { ...(swagger === undefined ? {} : { swagger }), ...(openapi === undefined ? {} : { openapi }) };
}

/**
 * What Redocly and openapi-typescript would otherwise fail on with a stack trace: an empty
 * file, Swagger 2, an OpenAPI version other than 3.0 or 3.1.
 */
function checkDocument(text: string, shown: string): void {
  if (text.trim() === "") throw new SpecError(`${shown}: the file is empty; write an OpenAPI 3.0 or 3.1 document`);
  const { swagger, openapi: version } = versionFields(text);
  if (swagger !== undefined) {
    throw new SpecError(
      `unsupported: Swagger ${swagger} at ${shown}#/swagger; convert the spec to OpenAPI 3 (for example with swagger2openapi)`,
    );
  }
  if (version === undefined) {
    throw new SpecError(
      `${shown}#/openapi: not an OpenAPI document (no openapi: version); write openapi: 3.1.0 (or 3.0.x)`,
    );
  }
  if (!/^3\.[01]\.\d+$/.test(version)) {
    throw new SpecError(
      `unsupported: OpenAPI version ${JSON.stringify(version)} at ${shown}#/openapi; write openapi: 3.1.0 (or 3.0.x)`,
    );
  }
}

/** A YAML/JSON syntax error Redocly throws, as a message with the file and position. */
function syntaxError(error: unknown, shown: string): SpecError | undefined {
  if (!(error instanceof YamlParseError)) return undefined;
  return new SpecError(`${shown}: not valid YAML or JSON ${yamlErrorPlace(error)}`);
}

/**
 * What Redocly throws (rather than reports) about references, as a SpecError: a refused or
 * unparsable file (the resolver's own message names it), or a `$ref` chain that loops.
 */
async function resolveFailure(error: unknown, resolver: PolicyResolver, cwd: string): Promise<SpecError | undefined> {
  if (error instanceof ResolveError) return new SpecError(error.message);
  if (!(error instanceof Error) || !/circular/i.test(error.message)) return undefined;
  for (const [file, loading] of resolver.cache) {
    const document = await Promise.resolve(loading).catch(() => undefined);
    const cycle =
      document === undefined || document instanceof ResolveError ? undefined : findRefCycle(document.parsed);
    if (cycle !== undefined) {
      return new SpecError(
        `${displayPath(file, cwd)}${cycle.pointer}: $ref loops back to itself (${cycle.chain.join(" → ")}); point it at a definition`,
      );
    }
  }
  return new SpecError(`a $ref chain loops back to itself (${error.message}); point every $ref at a definition`);
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
 * One hash over several files, as the resolver read them (a remote one included): each one's
 * project-relative path and text, so moving a file counts too.
 */
async function contentHash(files: readonly string[], resolver: PolicyResolver, cwd: string): Promise<string> {
  const hash = createHash("sha256");
  for (const file of files) {
    const document = await resolver.cache.get(file);
    const text = document === undefined || document instanceof ResolveError ? "" : document.source.body;
    hash.update(`${displayPath(file, cwd)}\0${text}\0`);
  }
  return hash.digest("hex");
}

/** A spec linted: every problem found, and the resolver holding the files it read (for the bundle). */
export interface LintedSpec {
  readonly problems: readonly NormalizedProblem[];
  readonly resolver: PolicyResolver;
  readonly bytes: Buffer;
}

/**
 * Reads and lints one spec with the resolver that holds it to its project folder and off the
 * network unless the user opted in (`npm run lint` and generation alike). Throws SpecError for
 * what makes it no spec at all (unreadable, empty, another format, a refused or looping file).
 */
export async function lintSpec(api: ApiEntry, config: Config, cwd = process.cwd()): Promise<LintedSpec> {
  const shown = displayPath(api.root, cwd);
  let bytes: Buffer;
  try {
    bytes = await readFile(api.root);
  } catch (error) {
    throw new SpecError(
      `${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the root path in redocly.yaml`,
    );
  }
  checkDocument(bytes.toString("utf8"), shown);
  const policy = api.policy ?? { root: path.dirname(api.root), allowRemoteRefs: false, allowOutsideRefs: false };
  const resolver = new PolicyResolver(config.forAlias(api.name).resolve, policy, api.root, (file) =>
    displayPath(file, cwd),
  );
  try {
    return {
      problems: await lint({ ref: api.root, config: config.forAlias(api.name), externalRefResolver: resolver }),
      resolver,
      bytes,
    };
  } catch (error) {
    throw (await resolveFailure(error, resolver, cwd)) ?? syntaxError(error, shown) ?? error;
  }
}

/**
 * Bundles and validates one spec. Only problems of severity "error" stop generation; warnings
 * are `npm run lint`'s business. The bundle reuses the lint's resolver, so each file is read
 * and parsed once.
 */
export async function loadSpec(api: ApiEntry, config: Config, cwd = process.cwd()): Promise<LoadedSpec> {
  const shown = displayPath(api.root, cwd);
  const { problems, resolver: externalRefResolver, bytes } = await lintSpec(api, config, cwd);
  const apiConfig = config.forAlias(api.name);
  const lintErrors = problems.filter(isBlocking);
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
  const loop = findSchemaLoop(document);
  if (loop !== undefined) {
    throw new SpecError(
      `${shown}${loop.pointer}: reaches itself through $ref, allOf, anyOf or oneOf alone (${loop.chain.join(" → ")}), so no type can name it and no value can be checked against it; make one of them a schema of its own`,
    );
  }
  const files = [api.root, ...[...externalRefResolver.getFiles()].filter((f) => f !== api.root).sort()];
  return {
    name: api.name,
    file: api.root,
    displayPath: shown,
    sha256:
      files.length === 1
        ? createHash("sha256").update(bytes).digest("hex")
        : await contentHash(files, externalRefResolver, cwd),
    files,
    document: document as Record<string, unknown>,
  };
}
