// `npm run lint` as it runs: the launcher's `lint` entry (generator/launch-lint.mjs, cli/lint.ts)
// on a throwaway copy of the project. It passes clean specs, fails naming the rule on a broken
// one, and refuses an unreadable redocly.yaml in one line.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempProject } from "../helpers/temp-project.js";

let project: ReturnType<typeof tempProject>;
beforeAll(() => {
  project = tempProject();
});
afterAll(() => project.remove());

const lint = () => project.run("generator/launch-lint.mjs");
const edit = (file: string, change: (text: string) => string) => project.edit(file, change);

describe.sequential("npm run lint", () => {
  it("passes the project's specs: each api with no error and no warning", () => {
    const result = lint();
    expect(result.status, result.stderr).toBe(0);
    for (const api of ["cryptocloud", "cryptomus", "morune"])
      expect(result.stdout).toContain(`${api}: 0 errors, 0 warnings`);
  }, 60_000);

  it("fails on a broken spec, naming the rule and where", () => {
    const undo = edit("specs/morune.yaml", (t) => t.replace("      operationId: getInvoiceInfo\n", ""));
    const result = lint();
    undo();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("operation-operationId");
    expect(result.stdout).toContain("specs/morune.yaml");
    expect(result.stdout).toContain("morune: 1 errors, 0 warnings");
    expect(result.stdout).toContain("cryptomus: 0 errors, 0 warnings");
  }, 60_000);

  it("refuses a redocly.yaml it cannot read, in one line and without a stack", () => {
    const undo = edit("redocly.yaml", (t) => `${t}\napis: [\n`);
    const result = lint();
    undo();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("redocly.yaml");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);
});
