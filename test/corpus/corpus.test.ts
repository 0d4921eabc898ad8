import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { standaloneConfig } from "../../generator/load/project.js";
import { generate } from "../../generator/pipeline.js";
import { SINGLE_LAYOUT } from "../../generator/emit/layout.js";
import { diffOutput, writeOutput } from "../../generator/write/output.js";
import { startMocks, type RunningMocks } from "../../mock/dev/start.js";
import { REPO } from "../helpers/temp-project.js";
import { overlongLines } from "../helpers/line-width.js";
import { strictTsc } from "../helpers/tsc-in-process.js";

/**
 * Every public spec in shared/corpus generates a client that type-checks under the strictest
 * settings, and the small ones answer a smoke call per operation shape from a Prism mock. The
 * corpus is generated in one run into one folder with one shared runtime (tsc time is what
 * this suite spends most on); a `--spec --out` folder, runtime included, is checked under
 * NodeNext and Bundler separately. Outputs live under node_modules/.cache so `openapi-fetch`
 * resolves as it does in a user's project.
 */
const CORPUS = path.resolve(REPO, "..", "shared", "corpus");
const OUT = path.join(REPO, "node_modules", ".cache", "payspec-corpus");
const specs = readdirSync(CORPUS)
  .filter((f) => f.endsWith(".yaml"))
  .sort();

const apiName = (spec: string) =>
  spec
    .replace(/\.yaml$/, "")
    .replace(/[^a-z0-9]+/gi, "-")
    .toLowerCase();
const outDir = (spec: string) => path.join(OUT, "all", apiName(spec));
const SINGLE = path.join(OUT, "single");

let written: ReadonlyMap<string, string> = new Map();

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  const config = await standaloneConfig();
  const all = await generate(
    specs.map((spec) => ({ name: apiName(spec), root: path.join(CORPUS, spec) })),
    config,
    REPO,
  );
  written = all.files;
  mkdirSync(path.join(OUT, "all"), { recursive: true });
  const tree = { outDir: path.join(OUT, "all"), owned: [""], recursive: true, allowOtherFiles: false };
  await writeOutput(tree.outDir, all.files, await diffOutput(tree, all.files));
  const single = await generate(
    [{ name: "petstore", root: path.join(CORPUS, "petstore-oai-3.0.yaml") }],
    config,
    REPO,
    SINGLE_LAYOUT,
  );
  mkdirSync(SINGLE, { recursive: true });
  await writeOutput(
    SINGLE,
    single.files,
    await diffOutput(
      { outDir: SINGLE, owned: ["", SINGLE_LAYOUT.runtimeDir], recursive: false, allowOtherFiles: false },
      single.files,
    ),
  );
}, 120_000);

describe("the corpus generates clients that compile under strict settings", () => {
  it("covers every corpus spec", () => {
    expect(specs.length).toBeGreaterThanOrEqual(10);
    for (const spec of specs)
      expect(readdirSync(outDir(spec))).toEqual(
        expect.arrayContaining(["client.gen.ts", "index.ts", "schema.gen.ts", "validators.gen.ts"]),
      );
  });

  it("no line of any corpus client is longer than the width, but for one unbreakable literal", () => {
    expect(written.size).toBeGreaterThan(specs.length * 4);
    const overlong = [...written].flatMap(([file, text]) => overlongLines(text).map((line) => `${file} ${line}`));
    expect(overlong).toEqual([]);
  });

  it("tsc --noEmit over every corpus client: no diagnostics", () => {
    const result = strictTsc([`${OUT}/all/**/*.ts`], "NodeNext");
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  }, 180_000);

  it.each(["NodeNext", "Bundler"] as const)(
    "a --spec --out folder is self-contained and compiles with %s resolution",
    (resolution) => {
      expect(readdirSync(SINGLE)).toEqual(expect.arrayContaining(["client.gen.ts", "index.ts", "runtime"]));
      const result = strictTsc([`${SINGLE}/**/*.ts`], resolution);
      expect(result.output).toBe("");
      expect(result.status).toBe(0);
    },
    60_000,
  );
});

/** Smoke calls: one per operation shape, with arguments Prism accepts. */
const SMOKE: Record<
  string,
  {
    readonly factory: string;
    readonly credentials?: object;
    readonly calls: readonly { readonly method: string; readonly args: object; readonly status: number }[];
  }
> = {
  "petstore-oai-3.0.yaml": {
    factory: "createSwaggerPetstoreClient",
    calls: [
      { method: "listPets", args: { query: { limit: 10 } }, status: 200 },
      { method: "showPetById", args: { path: { petId: "42" } }, status: 200 },
      { method: "createPets", args: { body: { id: 1, name: "Rex" } }, status: 201 },
    ],
  },
  "petstore-expanded-oai-3.0.yaml": {
    factory: "createSwaggerPetstoreClient",
    calls: [
      { method: "findPets", args: { query: { tags: ["dog", "cat"], limit: 5 } }, status: 200 },
      { method: "findPetById", args: { path: { id: 7 } }, status: 200 },
      { method: "addPet", args: { body: { name: "Rex" } }, status: 200 },
      { method: "deletePet", args: { path: { id: 7 } }, status: 204 },
    ],
  },
  "tictactoe-oai-3.1.yaml": {
    factory: "createTicTacToeClient",
    credentials: { defaultApiKey: "smoke-key", bearerHttpAuthentication: "smoke-token" },
    calls: [
      { method: "getBoard", args: {}, status: 200 },
      { method: "getSquare", args: { path: { row: 1, column: 2 } }, status: 200 },
      { method: "putSquare", args: { path: { row: 1, column: 2 }, body: "X" }, status: 200 },
    ],
  },
};

describe("smoke calls against Prism", () => {
  let mocks: RunningMocks | undefined;
  beforeAll(async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(path.join(tmpdir(), "payspec-corpus-mocks-"));
    const apis = Object.keys(SMOKE)
      .map((spec) => `  ${apiName(spec)}:\n    root: ${path.join(CORPUS, spec)}`)
      .join("\n");
    writeFileSync(path.join(dir, "redocly.yaml"), `apis:\n${apis}\nextends: [minimal]\nrules:\n  struct: off\n`);
    mocks = await startMocks({ dir, port: 0 });
  }, 90_000);
  afterAll(async () => mocks?.stop());

  it.each(Object.entries(SMOKE))(
    "%s",
    async (spec, { factory, calls, credentials }) => {
      const name = apiName(spec);
      const module = (await import(
        /* @vite-ignore */ pathToFileURL(path.join(outDir(spec), "index.ts")).href
      )) as Record<string, unknown>;
      const create = module[factory] as (
        options: object,
      ) => Record<string, (args: object) => Promise<{ ok: boolean; status: number }>>;
      expect(typeof create).toBe("function");
      const client = create({ baseUrl: mocks!.urls[name], retry: false, ...credentials });
      for (const call of calls) {
        const result = await client[call.method]!(call.args);
        expect({ method: call.method, status: result.status }).toEqual({ method: call.method, status: call.status });
      }
    },
    60_000,
  );
});
