import { realpathSync } from "node:fs";
import path from "node:path";
import { BaseResolver, ResolveError, type Source } from "@redocly/openapi-core";

/**
 * What a spec may reach while it is bundled. A spec is semi-trusted (a vendor's, a pull
 * request's): by default its `$ref`s stay inside its project folder and never reach the network.
 */
export interface RefPolicy {
  /** The project folder (the one holding redocly.yaml, or the --spec file's). */
  readonly root: string;
  /** `--allow-remote-refs` / `x-payspec.allowRemoteRefs`: `$ref`s to http(s) URLs are fetched. */
  readonly allowRemoteRefs: boolean;
  /** `--allow-outside-refs` / `x-payspec.allowOutsideRefs`: `$ref`s to files outside `root` are read. */
  readonly allowOutsideRefs: boolean;
}

/** The opt-ins, as a refusal names them. */
export const OPT_INS = {
  remote: "--allow-remote-refs (or x-payspec: { allowRemoteRefs: true } in redocly.yaml)",
  outside: "--allow-outside-refs (or x-payspec: { allowOutsideRefs: true } in redocly.yaml)",
};

/** YAML aliases one document may expand: past it, a few bytes could stand for gigabytes. */
export const MAX_YAML_ALIASES = 1000;

/**
 * How many nodes of a parsed document exist only as copies made by YAML aliases. The YAML
 * parser Redocly uses shares an anchored node among its aliases instead of copying it, so
 * counting with one memo per shared node takes as long as reading the document once, however
 * far its aliases would expand; an alias inside its own anchor counts as endless.
 */
export function aliasCopies(root: unknown): number {
  const sizes = new Map<object, number>();
  let distinct = 0;
  function size(node: unknown): number {
    if (typeof node !== "object" || node === null) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, Number.POSITIVE_INFINITY);
    distinct += 1;
    let total = 1;
    for (const child of Object.values(node)) {
      total += size(child);
      if (typeof child !== "object" || child === null) distinct += 1;
    }
    sizes.set(node, total);
    return total;
  }
  return size(root) - distinct;
}

function isUrl(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(ref);
}

/** The real path of a file (symlinks followed), or of its nearest existing folder. */
function real(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    const parent = path.dirname(file);
    return parent === file ? file : path.join(real(parent), path.basename(file));
  }
}

function inside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** Whether YAML text may hold aliases (`*name`): only then are the copies they make counted. */
const ALIAS = /(^|[\s[{,:-])\*[^\s,[\]{}]/m;

/**
 * Redocly's resolver, held to a RefPolicy: every file it loads, the root included, is checked
 * first. A refusal becomes Redocly's "can't resolve" problem at the `$ref`, naming the opt-in.
 */
export class PolicyResolver extends BaseResolver {
  private readonly rootReal: string;

  /** `root` is the spec's own root file, which is read wherever it is (its path is configuration, not a $ref). */
  constructor(
    config: ConstructorParameters<typeof BaseResolver>[0],
    private readonly policy: RefPolicy,
    private readonly rootFile: string,
    /** A file as messages show it. */
    private readonly show: (file: string) => string,
  ) {
    super(config);
    this.rootReal = real(policy.root);
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    if (isUrl(absoluteRef)) {
      if (!this.policy.allowRemoteRefs) {
        throw new ResolveError(
          new Error(
            `a remote $ref (${absoluteRef}) is not fetched: generation never reaches the network unless you opt in with ${OPT_INS.remote}`,
          ),
        );
      }
    } else if (
      !this.policy.allowOutsideRefs &&
      absoluteRef !== this.rootFile &&
      !inside(real(absoluteRef), this.rootReal)
    ) {
      throw new ResolveError(
        new Error(
          `a $ref to ${this.show(absoluteRef)}, outside the project folder, is not read unless you opt in with ${OPT_INS.outside}`,
        ),
      );
    }
    return super.loadExternalRef(absoluteRef);
  }

  override parseDocument(source: Source, isRoot?: boolean): ReturnType<BaseResolver["parseDocument"]> {
    const document = super.parseDocument(source, isRoot);
    if (ALIAS.test(source.body) && aliasCopies(document.parsed) > MAX_YAML_ALIASES) {
      throw new ResolveError(
        new Error(
          `${this.show(source.absoluteRef)}: more than ${MAX_YAML_ALIASES} YAML alias expansions (an alias bomb?); write the repeated parts out or use $refs`,
        ),
      );
    }
    return document;
  }
}
