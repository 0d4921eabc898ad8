import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
// @ts-expect-error plain JavaScript without declarations (the launcher's helper)
import { bundleGenerator } from "../../generator/bundle.mjs";
// @ts-expect-error plain JavaScript without declarations (the launcher's helper)
import { BUNDLED } from "../../generator/cache/version.mjs";
import { REPO, tempProject } from "../helpers/temp-project.js";

it("the bundled commands (generate, lint, mock, docs, spec bundling) map back to their TypeScript files (an internal error's stack too), load one TypeScript compiler, and require CommonJS packages", async () => {
  const dir = mkdtempSync(path.join(REPO, "node_modules/.cache/payspec-launcher-test-"));
  try {
    await (bundleGenerator as (outdir: string) => Promise<string>)(dir);
    const chunks = readdirSync(dir)
      .filter((f) => f.endsWith(".mjs"))
      .map((f) => readFileSync(path.join(dir, f), "utf8"));
    expect(chunks.length, "code split: the entry and the chunks a full run imports").toBeGreaterThan(1);
    const sources = chunks.flatMap((text) => {
      const inline = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/.exec(text);
      expect(inline, "every chunk carries an inline source map").not.toBeNull();
      const map = JSON.parse(Buffer.from(inline![1]!, "base64").toString("utf8")) as { sources: string[] };
      return map.sources.map((s) => path.relative(REPO, path.resolve(dir, s)).split(path.sep).join("/"));
    });
    for (const file of [
      "generator/cli/main.ts",
      "generator/cli/lint.ts",
      "mock/dev/cli.ts",
      "scripts/build-docs.ts",
      "mock/dev/bundle-specs.ts",
      "generator/pipeline.ts",
      "generator/load/load-spec.ts",
      "generator/emit/api-files.ts",
    ])
      expect(sources).toContain(file);
    // The bundle's version hashes the folders its own files come from: an edit anywhere in them
    // builds a new bundle, so none can run stale.
    const own = sources.filter((s) => !s.startsWith("node_modules/"));
    expect(own.filter((s) => !(BUNDLED as string[]).some((dir) => s.startsWith(`${dir}/`)))).toEqual([]);
    // Every load of the compiler names ts-morph's copy; none is left to Node's own resolution.
    const loads = (pattern: RegExp) => chunks.flatMap((text) => [...text.matchAll(pattern)].map((m) => m[1]!));
    const imported = loads(/\bfrom\s*"([^"]*)"/g);
    const required = loads(/\b__require\("([^"]*)"\)/g);
    const compilers = [...imported, ...required].filter((i) => /typescript(\/lib\/typescript)?(\.js)?$/.test(i));
    expect(compilers.length).toBeGreaterThan(0);
    expect(compilers.every((i) => i.endsWith("/@ts-morph/common/dist/typescript.js"))).toBe(true);
    // CommonJS packages are required, so Node's ES loader never scans their source (bundle.mjs).
    for (const cjs of ["/@ts-morph/common/dist/typescript.js", "/ts-morph/dist/ts-morph.js"]) {
      expect(required.some((i) => i.endsWith(cjs))).toBe(true);
      expect(imported.some((i) => i.endsWith(cjs))).toBe(false);
    }
    // openapi-typescript's pointer helpers come from Redocly 2 (test/house/one-redocly.test.ts):
    // nothing of its own Redocly 1 is loaded.
    expect([...imported, ...required].filter((i) => i.includes("openapi-typescript/node_modules/"))).toEqual([]);

    // An internal error's stack names the generator's .ts files, mapped by the bundle itself
    // (Node's source maps are off); frames elsewhere are left as they are.
    const { mappedStack } = (await import(pathToFileURL(path.join(dir, "mapped-stack.mjs")).href)) as {
      mappedStack: (stack: string) => string;
    };
    const [chunk, line] = readdirSync(dir).flatMap((f) => {
      // esbuild may rename a parameter (spec2) where names collide in the bundle.
      const at = readFileSync(path.join(dir, f), "utf8")
        .split("\n")
        .findIndex((l) => /^function buildModel\(\w+\) \{$/.test(l));
      return at < 0 ? [] : [[path.join(dir, f), at + 1] as const];
    })[0]!;
    const source = readFileSync(path.join(REPO, "generator/model/build-model.ts"), "utf8").split("\n");
    const declared = source.findIndex((l) => l.startsWith("export function buildModel(")) + 1;
    const column = source[declared - 1]!.indexOf("function") + 1;
    const elsewhere = "    at parse (file:///somewhere/node_modules/js-yaml/dist/js-yaml.mjs:10:5)";
    const stack = `Error: a bug\n    at buildModel (${pathToFileURL(chunk).href}:${line}:1)\n${elsewhere}`;
    expect(mappedStack(stack)).toBe(
      `Error: a bug\n    at buildModel (${path.join(REPO, "generator/model/build-model.ts")}:${declared}:${column})\n${elsewhere}`,
    );
    expect(readFileSync(path.join(REPO, "generator/launcher.mjs"), "utf8")).not.toContain("setSourceMapsEnabled");
    // Each command the launcher runs is an entry of the same bundle that exports its `main`.
    for (const entry of ["main", "lint", "mock", "docs", "bundle-specs"]) {
      const exported = (await import(pathToFileURL(path.join(dir, `${entry}.mjs`)).href)) as Record<string, unknown>;
      expect(typeof exported.main, entry).toBe("function");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

it("an error that escapes a command's main exits 1 with its stack mapped to the TypeScript sources, by the mapping entry loaded then", () => {
  const project = tempProject();
  try {
    project.edit("mock/dev/bundle-specs.ts", (text) =>
      text.replace(
        "export async function main(argv: readonly string[]): Promise<number> {\n",
        '$&  throw new Error("a bug in the command");\n',
      ),
    );
    const result = project.run("generator/launch-bundle-specs.mjs", "out");
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines[0]).toBe("Error: a bug in the command");
    // The frame of main names the edited source line, not a line of a bundle chunk.
    const line = readFileSync(path.join(project.dir, "mock/dev/bundle-specs.ts"), "utf8")
      .split("\n")
      .findIndex((l) => l.includes("a bug in the command"));
    // (The copy shares the repository's node_modules, so the chunk, and the path its map gives,
    // may be reached through either folder.)
    expect(lines[1]).toMatch(new RegExp(`^ {4}at main \\(/.*/mock/dev/bundle-specs\\.ts:${line + 1}:\\d+\\)$`));
    expect(result.stderr).not.toMatch(/generator-[0-9a-f]+-[0-9a-f]+\/[\w-]+\.mjs:\d+/);
  } finally {
    project.remove();
  }
}, 60_000);
