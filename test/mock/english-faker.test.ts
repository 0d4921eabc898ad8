// Prism's preload (mock/prism-process.ts) puts faker's English build in place of its main entry,
// which builds all 50-odd locales. The probe loads Prism's answer generator as Prism does, once
// plainly and once with the preload: the faker it gets must give the same values for the same
// seed, directly and through an `x-faker` keyword, from a tenth of the modules.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PRISM_PRELOAD } from "../../mock/prism-process.js";
import { REPO } from "../helpers/temp-project.js";

interface Probe {
  readonly fakerModules: number;
  readonly values: Record<string, string>;
  readonly englishWords: readonly string[];
}

/** Runs the probe; its stdin stays open, as the preload's watchdog reads it. */
function probe(nodeArgs: readonly string[]): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, path.join(REPO, "test/mock/faker-probe.cjs")], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code === 0) resolve(JSON.parse(output) as Probe);
      else reject(new Error(`the faker probe exited ${code}:\n${output}`));
    });
  });
}

describe("Prism's preload: faker's English build", () => {
  it("gives Prism's generator the same seeded values as faker's main entry, from a tenth of the modules", async () => {
    const [plain, preloaded] = await Promise.all([probe([]), probe(["--import", PRISM_PRELOAD])]);
    expect(plain.values.locale).toBe("en");
    expect(Object.keys(plain.values)).toHaveLength(15);
    expect(preloaded.values).toEqual(plain.values);
    expect(preloaded.englishWords).toContain(preloaded.values.keyword);
    expect(plain.fakerModules).toBeGreaterThan(1000);
    expect(preloaded.fakerModules).toBeLessThan(plain.fakerModules / 5);
  }, 60_000);
});
