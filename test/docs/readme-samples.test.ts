import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/temp-project.js";
import { STRICT } from "../helpers/tsc.js";
import { tscInProcess } from "../helpers/tsc-in-process.js";

/**
 * The README's complete samples (every ```ts block that imports from "payspec/…") compile
 * against generated/ under strict settings, so the front door cannot drift from the clients.
 * Fragments without imports are prose around them and are not compiled.
 */
const blocks = [...readFileSync(path.join(REPO, "README.md"), "utf8").matchAll(/```ts\n([\s\S]*?)```/g)]
  .map((m) => m[1]!)
  .filter((code) => code.includes('from "payspec/'));

describe("README samples", () => {
  it("has complete samples for every provider's client and webhook verifier", () => {
    for (const provider of ["cryptomus", "cryptocloud", "morune"]) {
      expect(blocks.filter((b) => b.includes(`from "payspec/${provider}"`)).length).toBeGreaterThanOrEqual(2);
    }
  });

  it("has complete samples of the mocks: from code, the vitest setup, and a test using it", () => {
    expect(blocks.filter((b) => b.includes('from "payspec/mock"')).length).toBeGreaterThanOrEqual(3);
    expect(blocks.filter((b) => b.includes('from "payspec/mock/vitest"'))).toHaveLength(1);
  });

  it("type-check strictly against generated/", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "payspec-readme-"));
    try {
      // Each sample is its own module; top-level await needs ES modules.
      const files = blocks.map((code, i) => {
        const file = path.join(dir, `sample${i + 1}.ts`);
        writeFileSync(file, `${code}\nexport {};\n`);
        return file;
      });
      writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
      const compilerOptions = {
        ...STRICT,
        module: "ESNext",
        moduleResolution: "Bundler",
        // Samples may name values only to show them, and read process.env.X as most code does.
        noUnusedLocals: false,
        noPropertyAccessFromIndexSignature: false,
        paths: {
          "payspec/mock": [path.join(REPO, "mock/index.ts")],
          "payspec/mock/vitest": [path.join(REPO, "mock/vitest.ts")],
          "payspec/*/response-validators": [path.join(REPO, "generated/*/response-validators.gen.ts")],
          "payspec/*": [path.join(REPO, "generated/*/index.ts")],
          // Test samples import vitest, which this folder outside the repository cannot resolve.
          vitest: [path.join(REPO, "node_modules/vitest/dist/index.d.ts")],
        },
      };
      const config = path.join(dir, "tsconfig.json");
      writeFileSync(config, JSON.stringify({ compilerOptions, files }));
      const result = tscInProcess(config);
      expect(result.output.trim()).toBe("");
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
