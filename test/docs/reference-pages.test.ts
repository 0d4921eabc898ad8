import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, tempProject } from "../helpers/temp-project.js";
import { type LoadedApi, loadApis } from "../mock/support.js";

/** `npm run docs`, as the copy of the project runs it. */
const SCRIPT = "generator/launch-docs.mjs";

/** What a page built by `redocly build-docs` holds: Redoc's standalone output embeds the spec and the options. */
interface Page {
  readonly title: string;
  readonly definition: Record<string, unknown>;
  readonly options: Record<string, unknown>;
}

function readPage(file: string): Page {
  const html = readFileSync(file, "utf8");
  // Each is one line of JSON in the page's module script: `const __redoc_definition = {...};`.
  const embedded = (name: string): Record<string, unknown> => {
    const found = [...html.matchAll(new RegExp(`^\\s*const ${name} = (.*);$`, "gm"))];
    expect(found, `${file}: one ${name}`).toHaveLength(1);
    return JSON.parse(found[0]![1]!) as Record<string, unknown>;
  };
  return {
    title: /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "",
    definition: embedded("__redoc_definition"),
    options: embedded("__redoc_options"),
  };
}

function entries(node: unknown): [string, unknown][] {
  return typeof node === "object" && node !== null && !Array.isArray(node) ? Object.entries(node) : [];
}

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** `method path operationId` of every operation a definition documents. */
function operationsOf(definition: Record<string, unknown>): string[] {
  return entries(definition.paths)
    .flatMap(([route, item]) =>
      entries(item)
        .filter(([method]) => METHODS.has(method))
        .map(([method, op]) => `${method} ${route} ${String(entries(op).find(([k]) => k === "operationId")?.[1])}`),
    )
    .sort();
}

/** `method name` of every webhook a definition documents. */
function webhooksOf(definition: Record<string, unknown>): string[] {
  return entries(definition.webhooks)
    .flatMap(([name, item]) =>
      entries(item)
        .filter(([method]) => METHODS.has(method))
        .map(([method]) => `${method} ${name}`),
    )
    .sort();
}

/** Every field whose key passes `keep`, by where it sits (its path of keys, as JSON), with its value. */
function fieldsOf(
  node: unknown,
  keep: (key: string) => boolean,
  at: readonly (string | number)[] = [],
  found = new Map<string, unknown>(),
): Map<string, unknown> {
  if (Array.isArray(node)) for (const [i, item] of node.entries()) fieldsOf(item, keep, [...at, i], found);
  for (const [key, value] of entries(node)) {
    if (keep(key)) found.set(JSON.stringify([...at, key]), value);
    else fieldsOf(value, keep, [...at, key], found);
  }
  return found;
}

const isExtension = (key: string) => key.startsWith("x-");
const isExample = (key: string) => key === "example" || key === "examples";

/**
 * `npm run docs` in a temporary copy of the project, with one provider added the documented way
 * (a spec plus one `apis:` entry), so a page per api proves the list comes from redocly.yaml.
 * Each page is compared with the spec as the project's loader bundles it.
 */
describe("reference pages (npm run docs)", () => {
  let project: ReturnType<typeof tempProject>;
  let out: string;
  let build: ReturnType<ReturnType<typeof tempProject>["run"]>;
  let apis: LoadedApi[];
  const page = (api: LoadedApi) => readPage(path.join(out, `${api.name}.html`));

  beforeAll(async () => {
    project = tempProject();
    copyFileSync(path.join(REPO, "test/generator/fixtures/acme.yaml"), path.join(project.dir, "specs/acme.yaml"));
    const config = readFileSync(path.join(project.dir, "redocly.yaml"), "utf8");
    writeFileSync(
      path.join(project.dir, "redocly.yaml"),
      config.replace("apis:\n", "apis:\n  acme:\n    root: specs/acme.yaml\n"),
    );
    out = path.join(project.dir, "pages");
    build = project.run(SCRIPT, "--out", out);
    apis = await loadApis(project.dir);
  }, 120_000);
  afterAll(() => project.remove());

  it("builds one page per api of redocly.yaml, the added one included", () => {
    expect(build.status, build.stderr).toBe(0);
    expect(apis.map((a) => a.name)).toContain("acme");
    expect(readdirSync(out).sort()).toEqual(apis.map((a) => `${a.name}.html`).sort());
    for (const api of apis) {
      expect(build.stdout).toContain(`${api.name}: pages/${api.name}.html`);
      expect(page(api).title).toBe(api.model.title);
    }
  });

  it("lists every operation and every webhook", () => {
    for (const api of apis) {
      const { definition } = page(api);
      expect(operationsOf(definition), api.name).toEqual(
        api.model.operations.map((o) => `${o.method} ${o.path} ${o.id}`).sort(),
      );
      expect(webhooksOf(definition), api.name).toEqual(api.model.webhooks.map((w) => `${w.method} ${w.name}`).sort());
    }
    // Not vacuous: the providers document webhooks.
    expect(apis.flatMap((a) => a.model.webhooks).length).toBeGreaterThan(0);
  });

  it("shows the vendor extensions and the examples, each where the spec puts it", () => {
    for (const api of apis) {
      const { definition, options } = page(api);
      // Redoc hides x- fields unless told (redocly.yaml, openapi.showExtensions).
      expect(options.showExtensions, api.name).toBe(true);
      const extensions = fieldsOf(definition, isExtension);
      expect(extensions.size, api.name).toBeGreaterThan(0);
      expect(extensions, api.name).toEqual(fieldsOf(api.document, isExtension));
      const examples = fieldsOf(definition, isExample);
      expect(examples.size, api.name).toBeGreaterThan(0);
      expect(examples, api.name).toEqual(fieldsOf(api.document, isExample));
    }
    // Redoc displays the x- fields of operations, parameters and schema properties (not those of
    // security schemes or info): some must sit under paths.
    const onOperations = apis.flatMap((api) => [...fieldsOf(page(api).definition.paths, isExtension).keys()]);
    expect(onOperations.length).toBeGreaterThan(0);
  });

  it("refuses a broken spec, naming the file and the pointer, and writes no page", () => {
    const spec = path.join(project.dir, "specs/acme.yaml");
    writeFileSync(
      spec,
      readFileSync(spec, "utf8").replace("$ref: '#/components/schemas/Balance'", "$ref: './missing.yaml'"),
    );
    const broken = path.join(project.dir, "broken-pages");
    const result = project.run(SCRIPT, "--out", broken);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "specs/acme.yaml#/paths/~1v1~1balance~1{currency}/get/responses/200/content/application~1json/schema",
    );
    expect(result.stderr).toContain("no page was written");
    expect(existsSync(broken)).toBe(false);
  });
});
