import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempProject } from "../helpers/temp-project.js";

/** `--watch` in a temporary copy: regenerates on change, survives a broken save, stops on SIGTERM. */
describe("generate --watch", () => {
  let project: ReturnType<typeof tempProject>;
  let child: ChildProcessWithoutNullStreams;
  let output = "";

  /** Resolves once the output (from `from` on) matches, or rejects with what was printed. */
  const waitFor = (pattern: RegExp, from: number, ms = 30_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const text = output.slice(from);
        if (pattern.test(text)) {
          clearInterval(timer);
          clearTimeout(limit);
          resolve(text);
        }
      };
      const timer = setInterval(check, 50);
      const limit = setTimeout(() => {
        clearInterval(timer);
        reject(new Error(`timed out waiting for ${pattern}; output:\n${output.slice(from)}`));
      }, ms);
    });

  beforeAll(async () => {
    project = tempProject();
    child = spawn(process.execPath, ["generator/launch.mjs", "--watch"], { cwd: project.dir });
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    await waitFor(/watching for changes/, 0, 60_000);
  }, 90_000);

  afterAll(() => {
    child.kill("SIGKILL");
    project.remove();
  });

  const spec = () => path.join(project.dir, "specs/morune.yaml");
  const schema = () => path.join(project.dir, "generated/morune/schema.gen.ts");

  it("regenerates after a change and says what changed", async () => {
    const from = output.length;
    writeFileSync(
      spec(),
      readFileSync(spec(), "utf8").replace("        - expired\n", "        - expired\n        - refunded\n"),
    );
    const text = await waitFor(/watching for changes/, from);
    expect(text).toContain("changed: specs/morune.yaml");
    expect(text).toContain("generated/morune/schema.gen.ts");
    expect(readFileSync(schema(), "utf8")).toContain('"refunded"');
  }, 40_000);

  it("regenerates after a change to a file a split spec refers to", async () => {
    const from = output.length;
    const page = path.join(project.dir, "specs/cryptomus/balance.yaml");
    writeFileSync(page, `${readFileSync(page, "utf8")}\n# an edit\n`);
    const text = await waitFor(/watching for changes/, from);
    expect(text).toContain("changed: specs/cryptomus/balance.yaml");
    expect(text).toContain("generated/cryptomus/client.gen.ts");
  }, 40_000);

  it("on a broken save prints the error, writes nothing, and keeps watching", async () => {
    const before = readFileSync(schema(), "utf8");
    const good = readFileSync(spec(), "utf8");
    const from = output.length;
    writeFileSync(
      spec(),
      good
        .replace("openapi: 3.1.0", "openapi: 3.1.0\n  broken: [")
        .replace("        - refunded\n", "        - chargeback\n"),
    );
    const text = await waitFor(/watching for changes/, from);
    expect(text).toContain("specs/morune.yaml: not valid YAML or JSON");
    expect(readFileSync(schema(), "utf8")).toBe(before);

    const again = output.length;
    writeFileSync(spec(), good.replace("        - refunded\n", "        - chargeback\n"));
    await waitFor(/watching for changes/, again);
    expect(readFileSync(schema(), "utf8")).toContain('"chargeback"');
  }, 60_000);

  it("stops on SIGTERM with exit code 0", async () => {
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
