import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { REPO } from "../helpers/temp-project.js";

/**
 * vitest.config.ts runs test files one after another in the same worker without a fresh module
 * graph (`isolate: false`), so nothing a file does to modules or globals may outlive it: no module
 * mocks, no stubbed globals or environment, no fake timers.
 */
const LEAKY = /\bvi\s*\.\s*(mock|doMock|stubGlobal|stubEnv|useFakeTimers|spyOn)\s*\(/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return /\.ts$/.test(entry.name) ? [full] : [];
  });
}

it("no test file mocks a module or stubs a global, which shared workers would carry to the next file", () => {
  const files = testFiles(path.join(REPO, "test"));
  expect(files.length).toBeGreaterThan(50);
  const leaky = files.filter((file) => LEAKY.test(readFileSync(file, "utf8"))).map((file) => path.relative(REPO, file));
  expect(leaky, "use a child process, or set isolate: true for that file's project").toEqual([]);
  expect(readFileSync(path.join(REPO, "vitest.config.ts"), "utf8")).toMatch(/isolate: false/);
});
