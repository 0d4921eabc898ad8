import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { getTotals, lint } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runOnce } from "../../generator/cli/run.js";
import { loadProject } from "../../generator/load/project.js";
import { startMocks } from "../../mock/dev/start.js";
import { REPO, tempProject } from "../helpers/temp-project.js";
import { strictTsc } from "../helpers/tsc-in-process.js";

/**
 * Adding a provider is a spec file plus one `apis:` entry in redocly.yaml, nothing else: in a
 * temporary copy of the project, lint, generate, type-check, mocks and the generated client all
 * pick it up.
 */
describe("adding a provider", () => {
  let project: ReturnType<typeof tempProject>;
  const before = new Map<string, string>();
  beforeAll(() => {
    project = tempProject();
    for (const f of readdirSync(path.join(project.dir, "generated"), { recursive: true }) as string[]) {
      const p = path.join(project.dir, "generated", f);
      if (f.endsWith(".ts")) before.set(f, readFileSync(p, "utf8"));
    }
    copyFileSync(path.join(REPO, "test/generator/fixtures/acme.yaml"), path.join(project.dir, "specs/acme.yaml"));
    const config = readFileSync(path.join(project.dir, "redocly.yaml"), "utf8");
    expect(config).toContain("apis:\n");
    // One entry under apis:, nothing else.
    writeFileSync(
      path.join(project.dir, "redocly.yaml"),
      config.replace("apis:\n", "apis:\n  acme:\n    root: specs/acme.yaml\n"),
    );
  });
  afterAll(() => project.remove());

  it("lints clean under the project's rules", async () => {
    const loaded = await loadProject(project.dir);
    expect(loaded.apis.map((a) => a.name)).toContain("acme");
    const problems = await lint({
      ref: path.join(project.dir, "specs/acme.yaml"),
      config: loaded.config.forAlias("acme"),
    });
    expect(problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(getTotals(problems).errors).toBe(0);
  });

  it("generates generated/acme/ and leaves the other providers byte-identical", async () => {
    const out: string[] = [];
    const errors: string[] = [];
    const result = await runOnce(
      { check: false, apis: [], watch: false, help: false },
      project.dir,
      (m) => out.push(m),
      (m) => errors.push(m),
    );
    expect(errors).toEqual([]);
    expect(result.code).toBe(0);
    expect(out.join("\n")).toContain("acme: 1 operation(s)");
    for (const file of ["client.gen.ts", "index.ts", "schema.gen.ts", "validators.gen.ts"]) {
      expect(existsSync(path.join(project.dir, "generated/acme", file))).toBe(true);
    }
    for (const [file, text] of before)
      expect(readFileSync(path.join(project.dir, "generated", file), "utf8")).toBe(text);
  });

  it("type-checks strictly", () => {
    const result = strictTsc([`${project.dir}/generated/**/*.ts`], "NodeNext");
    expect(result.output).toBe("");
  }, 60_000);

  it("is served by the mocks, and its client reads the documented example", async () => {
    const mocks = await startMocks({ dir: project.dir, apis: ["acme"], port: 0 });
    try {
      const module = (await import(
        /* @vite-ignore */ pathToFileURL(path.join(project.dir, "generated/acme/index.ts")).href
      )) as {
        createAcmePayClient: (o: object) => {
          getBalance: (a: object) => Promise<{ ok: boolean; status: number; data?: unknown }>;
        };
      };
      const client = module.createAcmePayClient({ apiKey: mocks.secrets.apiKey, baseUrl: mocks.urls.acme });
      const result = await client.getBalance({ path: { currency: "USD" } });
      expect(result).toMatchObject({ ok: true, status: 200, data: { currency: "USD", amount: "12.50" } });
    } finally {
      await mocks.stop();
    }
  }, 60_000);
});
