import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO } from "../helpers/temp-project.js";
import { strictTsc } from "../helpers/tsc-in-process.js";

// Each method's `@example` (shown on hover) is code a merchant may paste: it must compile
// against the client it documents, under the strictest settings.
const PROVIDERS = ["cryptocloud", "cryptomus", "morune"];
const OUT = path.join(REPO, "node_modules", ".cache", "payspec-method-examples");

/** The `@example` blocks of a generated client's JSDoc, without their ` * ` prefixes. */
function examples(clientFile: string): string[] {
  const text = readFileSync(clientFile, "utf8");
  return [...text.matchAll(/^( *)\* @example\n((?:\1\* (?!@).*\n)+)/gm)].map((m) =>
    m[2]!
      .split("\n")
      .map((line) => line.replace(/^ *\* /, ""))
      .join("\n"),
  );
}

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe("every method's @example compiles against its client", () => {
  it("strict tsc over each provider's examples, one function each", () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    for (const provider of PROVIDERS) {
      const clientFile = path.join(REPO, "generated", provider, "client.gen.ts");
      const client = /^export interface (\w+Client) \{/m.exec(readFileSync(clientFile, "utf8"))?.[1];
      const blocks = examples(clientFile);
      expect(client, `${provider}: a client interface`).toBeDefined();
      expect(blocks.length, `${provider}: an example per method`).toBeGreaterThanOrEqual(5);
      const index = path.join(REPO, "generated", provider, "index.js");
      writeFileSync(
        path.join(OUT, `${provider}.ts`),
        [
          `import type { ${client} } from ${JSON.stringify(index)};`,
          `declare const client: ${client};`,
          ...blocks.map((code, i) => `export async function example${i + 1}(): Promise<void> {\n${code}}`),
          "",
        ].join("\n"),
      );
    }
    const result = strictTsc([`${OUT}/*.ts`], "NodeNext");
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  }, 120_000);
});
