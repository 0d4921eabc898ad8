import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
// @ts-expect-error plain JavaScript without declarations (the launcher's helper)
import { bundleGenerator } from "../../generator/bundle.mjs";
import { REPO } from "../helpers/temp-project.js";

it("the bundled generator maps back to its TypeScript files, so internal-error stack traces name them", async () => {
  const dir = mkdtempSync(path.join(REPO, "node_modules/.cache/payspec-launcher-test-"));
  try {
    const file = path.join(dir, "bundle.mjs");
    await (bundleGenerator as (outfile: string) => Promise<void>)(file);
    const text = readFileSync(file, "utf8");
    const inline = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/.exec(text);
    expect(inline, "the bundle carries an inline source map").not.toBeNull();
    const map = JSON.parse(Buffer.from(inline![1]!, "base64").toString("utf8")) as { sources: string[] };
    const sources = map.sources.map((s) => path.relative(REPO, path.resolve(dir, s)).split(path.sep).join("/"));
    for (const file of [
      "generator/cli/main.ts",
      "generator/pipeline.ts",
      "generator/load/load-spec.ts",
      "generator/emit/api-files.ts",
    ])
      expect(sources).toContain(file);
    expect(readFileSync(path.join(REPO, "generator/launch.mjs"), "utf8")).toContain(
      "process.setSourceMapsEnabled(true)",
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
