import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** One API for the mocks to serve. */
export interface MockSpec {
  /** The provider's name: the key of its URL (`urls.cryptomus`). */
  readonly name: string;
  /** The OpenAPI document, bundled: every `$ref` local to it. */
  readonly document: Record<string, unknown>;
  /** A file Prism can read holding the same API; default a temporary JSON copy of `document`. */
  readonly file?: string;
}

/**
 * Where the package keeps the bundled spec of each provider it ships (`npm run build` writes
 * them): `dist/openapi/` beside `dist/mock/`.
 */
const SHIPPED_SPECS_DIR = fileURLToPath(new URL("../openapi/", import.meta.url));

/** The specs that ship with the package, by name, one `<provider>.json` each. */
export async function shippedSpecs(dir = SHIPPED_SPECS_DIR): Promise<MockSpec[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((file) => file.endsWith(".json")).sort();
  } catch {
    throw new Error(
      `payspec/mock: no bundled specs in ${dir}; in a checkout of payspec run \`npm run mock\`, or \`npm run build\` first`,
    );
  }
  return Promise.all(
    files.map(async (file) => {
      const location = path.join(dir, file);
      const document: unknown = JSON.parse(await readFile(location, "utf8"));
      if (typeof document !== "object" || document === null || Array.isArray(document))
        throw new Error(`${location}: not an OpenAPI document`);
      return { name: file.slice(0, -".json".length), document: document as Record<string, unknown>, file: location };
    }),
  );
}

/** The specs named `wanted` (all when it is empty or undefined), in that order; an unknown name is an error listing the others. */
export function selectSpecs(all: readonly MockSpec[], wanted: readonly string[] | undefined): MockSpec[] {
  if (wanted === undefined || wanted.length === 0) return [...all];
  return [...new Set(wanted)].map((name) => {
    const spec = all.find((s) => s.name === name);
    if (spec === undefined)
      throw new Error(`unknown provider "${name}"; the mocks serve: ${all.map((s) => s.name).join(", ") || "none"}`);
    return spec;
  });
}
