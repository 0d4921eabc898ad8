// The launcher's bundle answers some of Redocly's imports with stand-ins
// (generator/bundle-stand-ins.mjs): its example checks get an Ajv without the optimizing pass,
// ajv-formats takes its helpers from that Ajv, and the GraphQL rule gets graphql only on first
// use. Each is only correct while Redocly, run
// through the bundle, reports exactly what it reports unbundled: this bundles Redocly's own
// files as the launcher does and compares the two.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript without declarations (the launcher's helper)
import { bundleModules } from "../../generator/bundle.mjs";
import { REPO } from "../helpers/temp-project.js";

const require = createRequire(import.meta.url);
const redoclyLib = path.dirname(require.resolve("@redocly/openapi-core"));

type Problem = { ruleId: string; message: string; location: { source: { absoluteRef: string }; pointer: string }[] };
type Ajv = { opts: { code: { optimize: number } } };
interface Redocly {
  lint(options: { ref: string; config: unknown }): Promise<Problem[]>;
  createConfig(config: object): Promise<unknown>;
  AjvValidator: new () => { getAjv(resolve: unknown, dialect: string): Ajv };
  Struct: () => { Document: { enter(node: unknown, ctx: { report(problem: { message: string }): void }): void } };
}

let dir: string;
let bundled: Redocly;
let stock: Redocly;

beforeAll(async () => {
  dir = mkdtempSync(path.join(REPO, "node_modules/.cache/payspec-stand-ins-test-"));
  const entry = path.join(dir, "entry.mjs");
  const exports = (from: string) => `
export { lint, createConfig } from ${JSON.stringify(from)};
export { AjvValidator } from ${JSON.stringify(path.join(redoclyLib, "rules/ajv.js"))};
export { Struct } from ${JSON.stringify(path.join(redoclyLib, "rules/graphql/struct.js"))};`;
  writeFileSync(entry, exports("@redocly/openapi-core"));
  await (bundleModules as (entries: Record<string, string>, outdir: string) => Promise<void>)(
    { redocly: entry },
    path.join(dir, "out"),
  );
  bundled = (await import(pathToFileURL(path.join(dir, "out/redocly.mjs")).href)) as Redocly;
  writeFileSync(path.join(dir, "stock.mjs"), exports(require.resolve("@redocly/openapi-core")));
  stock = (await import(pathToFileURL(path.join(dir, "stock.mjs")).href)) as Redocly;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Whether a file whose path contains `part` is loaded after importing the bundle, and after `use`. */
function loadedBy(use: string, part: string): { before: boolean; after: boolean } {
  const script = `
    import { createRequire } from "node:module";
    const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((f) => f.includes(${JSON.stringify(part)}));
    const { AjvValidator, Struct } = await import(${JSON.stringify(pathToFileURL(path.join(dir, "out/redocly.mjs")).href)});
    const before = loaded();
    ${use}
    console.log(JSON.stringify({ before, after: loaded() }));`;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  expect(child.stderr).toBe("");
  return JSON.parse(child.stdout) as { before: boolean; after: boolean };
}

describe("Ajv without its optimizing pass", () => {
  it("is the Ajv the bundled example checks get (and not the one unbundled Redocly gets)", () => {
    for (const dialect of ["2020", "draft4"]) {
      expect(new bundled.AjvValidator().getAjv(() => undefined, dialect).opts.code.optimize).toBe(0);
      expect(new stock.AjvValidator().getAjv(() => undefined, dialect).opts.code.optimize).toBe(1);
    }
  });

  // Each example breaks a different keyword, in schemas inline, behind $refs and shared by
  // several examples; once as OpenAPI 3.0 (Ajv's draft 4) and once as 3.1 (2020-12).
  const components = `
  schemas:
    Money:
      type: string
      pattern: '^[0-9]+(\\.[0-9]+)?$'
    Payment:
      type: object
      required: [uuid, amount, status]
      properties:
        uuid: { type: string, format: uuid }
        amount: { $ref: '#/components/schemas/Money' }
        status: { type: string, enum: [paid, cancel, wrong_amount] }
        created: { type: string, format: date-time }
        count: { type: integer, minimum: 1, maximum: 10 }
        tags: { type: array, items: { type: string }, maxItems: 2, uniqueItems: true }
        email: { type: string, format: email }
        site: { type: string, format: uri }
    Pet:
      oneOf:
        - { $ref: '#/components/schemas/Cat' }
        - { $ref: '#/components/schemas/Dog' }
      discriminator: { propertyName: kind }
    Cat:
      type: object
      required: [kind, lives]
      properties: { kind: { type: string, enum: [Cat] }, lives: { type: integer } }
    Dog:
      type: object
      required: [kind]
      properties: { kind: { type: string, enum: [Dog] }, good: { type: boolean } }`;
  const examples = `
                good: { value: { uuid: 3fa85f64-5717-4562-b3fc-2c963f66afa6, amount: '10.5', status: paid } }
                missing: { value: { uuid: 3fa85f64-5717-4562-b3fc-2c963f66afa6, amount: '10' } }
                enum: { value: { uuid: 3fa85f64-5717-4562-b3fc-2c963f66afa6, amount: '1', status: lost } }
                pattern: { value: { uuid: 3fa85f64-5717-4562-b3fc-2c963f66afa6, amount: ten, status: paid } }
                formats: { value: { uuid: nope, amount: '1', status: paid, created: yesterday, email: at, site: '::' } }
                range: { value: { uuid: 3fa85f64-5717-4562-b3fc-2c963f66afa6, amount: '1', status: paid, count: 11 } }
                items: { value: { uuid: 3fa85f64-5717-4562-b3fc-2c963f66afa6, amount: '1', status: paid, tags: [a, a, 3] } }
                extra: { value: { uuid: 3fa85f64-5717-4562-b3fc-2c963f66afa6, amount: '1', status: paid, other: 1 } }
                type: { value: [1, 2] }`;
  const spec = (version: string) => `openapi: ${version}
info: { title: Examples, version: '1.0' }
paths:
  /payments/{id}:
    get:
      operationId: getPayment
      parameters:
        - name: id
          in: path
          required: true
          schema: { type: integer, minimum: 1 }
          examples: { zero: { value: 0 }, text: { value: abc }, one: { value: 1 } }
        - name: status
          in: query
          schema: { $ref: '#/components/schemas/Payment/properties/status' }
          example: refunded
      responses:
        '200':
          description: A payment
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Payment' }
              examples:${examples}
        '201':
          description: An inline object
          content:
            application/json:
              schema:
                type: object
                properties: { state: { type: integer }, result: { $ref: '#/components/schemas/Payment' } }
              example: { state: '0', result: { uuid: 1, status: paid } }
        '202':
          description: A pet
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet' }
              examples:
                cat: { value: { kind: Cat, lives: 9 } }
                cat-without-lives: { value: { kind: Cat } }
                bird: { value: { kind: Bird } }
                dog-with-lives: { value: { kind: Dog, lives: 'many' } }
components:${components}
    WithExample:
      type: object
      properties: { n: { type: integer, maximum: 3 } }
      example: { n: 4 }
`;
  const rules = {
    "no-invalid-media-type-examples": { severity: "error", allowAdditionalProperties: false },
    "no-invalid-parameter-examples": "error",
    "no-invalid-schema-examples": "error",
  };
  const summary = (problems: Problem[]) =>
    problems.map((p) => `${p.ruleId} ${p.location.map((l) => l.pointer).join(" ")}: ${p.message}`).sort();

  it.each(["3.0.3", "3.1.0"])(
    "reports the same problems through the bundle as unbundled (OpenAPI %s)",
    async (version) => {
      const specs = path.join(dir, "specs");
      mkdirSync(specs, { recursive: true });
      const ref = path.join(specs, `examples-${version}.yaml`);
      writeFileSync(ref, spec(version));
      const run = async (redocly: Redocly) => redocly.lint({ ref, config: await redocly.createConfig({ rules }) });
      const expected = summary(await run(stock));
      // The fixture breaks something in each example it means to: a check that found nothing
      // would pass the comparison below without proving anything.
      expect(expected.length).toBeGreaterThan(15);
      for (const broken of ["missing", "enum", "pattern", "formats", "range", "items", "extra", "type", "bird"])
        expect(expected.some((p) => p.includes(`/${broken}/`))).toBe(true);
      expect(expected.some((p) => p.includes("/good/") || p.includes("/cat/value"))).toBe(false);
      expect(summary(await run(bundled))).toEqual(expected);
    },
  );
});

describe("graphql on first use", () => {
  it("reports a broken schema as unbundled Redocly does", async () => {
    const { parse } = (await import("graphql")) as { parse(sdl: string): unknown };
    const check = (redocly: Redocly, sdl: string) => {
      const reported: string[] = [];
      redocly.Struct().Document.enter(parse(sdl), { report: ({ message }) => reported.push(message) });
      return reported;
    };
    for (const sdl of [
      "type Query { payment: Payment }",
      "type Query { id: ID } type Query { other: ID }",
      "schema { query: Missing } type Query { id: ID }",
      "type Query { id: ID }",
    ])
      expect(check(bundled, sdl)).toEqual(check(stock, sdl));
    expect(check(bundled, "type Query { payment: Payment }")).toEqual([expect.stringContaining("Payment")]);
  });

  it("is not loaded by importing the bundle, only by the rule's first use", () => {
    const use = 'try { Struct().Document.enter({ kind: "Document", definitions: [] }, { report() {} }); } catch {}';
    expect(loadedBy(use, "/node_modules/graphql/")).toEqual({ before: false, after: true });
  });
});

describe("ajv-formats with Redocly's Ajv", () => {
  it("adds its formats without loading a second Ajv", () => {
    const use = 'if (!new AjvValidator().getAjv(() => undefined, "2020").formats.uuid) throw new Error("no formats");';
    expect(loadedBy(use, "/node_modules/ajv/")).toEqual({ before: false, after: false });
    expect(loadedBy(use, "/node_modules/@redocly/ajv/").after).toBe(true);
  });
});
