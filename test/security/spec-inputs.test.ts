import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCli } from "../../generator/cli/args.js";
import { runOnce } from "../../generator/cli/run.js";
import { json, localServer } from "../helpers/local-server.js";

/**
 * A spec is semi-trusted: generation must not reach the network or read outside the project
 * unless the user opts in, and no input (YAML aliases, looping or odd references, minified
 * JSON) may hang it or end in a stack trace. Each case is a throwaway project.
 */
const OK = {
  "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } },
  "400": { description: "bad", content: { "application/json": { schema: { type: "object" } } } },
};

function spec(schema: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    openapi: "3.1.0",
    info: { title: "Shop", version: "1", license: { name: "MIT", identifier: "MIT" } },
    servers: [{ url: "https://api.example.test" }],
    security: [],
    paths: {
      "/items": {
        get: {
          operationId: "listItems",
          summary: "List",
          responses: { ...OK, "200": { description: "ok", content: { "application/json": { schema } } } },
        },
      },
    },
    ...extra,
  });
}

let scratch: string;
let remote: Awaited<ReturnType<typeof localServer>>;
beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), "payspec-inputs-"));
  remote = await localServer(json(200, { type: "object" }));
});
afterAll(async () => {
  await remote.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A project holding `files` (path → text; specs/shop.json is the api), run with `args`. */
async function generateIn(
  files: Record<string, string>,
  args: string[] = [],
  config = "apis:\n  shop:\n    root: specs/shop.json\n",
  prepare?: (dir: string) => void,
) {
  const dir = mkdtempSync(path.join(scratch, "project-"));
  writeFileSync(path.join(dir, "redocly.yaml"), config);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  prepare?.(dir);
  const errors: string[] = [];
  const { code } = await runOnce(
    parseCli(args),
    dir,
    () => {},
    (m) => errors.push(m),
  );
  let written = true;
  try {
    readFileSync(path.join(dir, "generated/shop/client.gen.ts"));
  } catch {
    written = false;
  }
  return { code, message: errors.join("\n"), written, dir };
}

describe("no network unless opted in", () => {
  it.each([
    [
      "a schema $ref",
      (url: string) => ({ "specs/shop.json": spec({ $ref: `${url}/schema.json` }) }),
      "#/paths/~1items/get/responses/200/content/application~1json/schema",
    ],
    [
      "a $ref inside an x- extension",
      (url: string) => ({ "specs/shop.json": spec({ type: "object" }, { "x-extra": { $ref: `${url}/extra.json` } }) }),
      "#/x-extra",
    ],
  ])(
    "%s to http(s) is refused naming the file, the pointer and the opt-in; nothing is fetched",
    async (_, files, pointer) => {
      const before = remote.received.length;
      const result = await generateIn(files(remote.url));
      expect(result.code).toBe(1);
      expect(result.message).toContain(`specs/shop.json${pointer}`);
      expect(result.message).toContain(
        "is not fetched: generation never reaches the network unless you opt in with --allow-remote-refs",
      );
      expect(result.message).not.toMatch(/internal error|\n\s+at /);
      expect(result.written).toBe(false);
      expect(remote.received.length).toBe(before);
    },
  );

  it("--allow-remote-refs (or x-payspec.allowRemoteRefs) fetches it", async () => {
    const files = { "specs/shop.json": spec({ $ref: `${remote.url}/schema.json` }) };
    const before = remote.received.length;
    expect(await generateIn(files, ["--allow-remote-refs"])).toMatchObject({ message: "", code: 0, written: true });
    const config = "x-payspec:\n  allowRemoteRefs: true\napis:\n  shop:\n    root: specs/shop.json\n";
    expect(await generateIn(files, [], config)).toMatchObject({ code: 0, written: true });
    expect(remote.received.length).toBe(before + 2);
  });

  it("a remote extends in redocly.yaml is refused before the config loads", async () => {
    const before = remote.received.length;
    const config = `extends:\n  - ${remote.url}/redocly.yaml\napis:\n  shop:\n    root: specs/shop.json\n`;
    const result = await generateIn({ "specs/shop.json": spec({ type: "object" }) }, [], config);
    expect(result.code).toBe(1);
    expect(result.message).toBe(
      `redocly.yaml#/extends/0: a remote extends (${remote.url}/redocly.yaml) is not fetched unless you opt in with --allow-remote-refs (or x-payspec: { allowRemoteRefs: true } in redocly.yaml)`,
    );
    expect(remote.received.length).toBe(before);
  });
});

describe("nothing outside the project unless opted in", () => {
  const secretFile = () => {
    const file = path.join(scratch, "outside-secret.json");
    writeFileSync(file, JSON.stringify({ type: "string", description: "outside-the-project" }));
    return file;
  };

  it.each([
    ["a ../ path", () => "../outside-secret.json"],
    ["an absolute path", () => secretFile()],
  ])("a $ref to %s is refused naming the file, the pointer and the opt-in", async (_, ref) => {
    secretFile();
    const result = await generateIn({
      "specs/shop.json": spec({ $ref: ref().startsWith("/") ? ref() : `../${ref()}` }),
    });
    expect(result.code).toBe(1);
    expect(result.message).toContain(
      "specs/shop.json#/paths/~1items/get/responses/200/content/application~1json/schema",
    );
    expect(result.message).toContain(
      "outside the project folder, is not read unless you opt in with --allow-outside-refs",
    );
    expect(result.written).toBe(false);
  });

  it("a symlink inside the project to a file outside is refused too", async () => {
    const target = secretFile();
    const result = await generateIn({ "specs/shop.json": spec({ $ref: "linked.json" }) }, [], undefined, (dir) =>
      symlinkSync(target, path.join(dir, "specs/linked.json")),
    );
    expect(result.code).toBe(1);
    expect(result.message).toContain(
      "specs/linked.json, outside the project folder, is not read unless you opt in with --allow-outside-refs",
    );
    expect(result.written).toBe(false);
  });

  it("--allow-outside-refs reads it", async () => {
    secretFile();
    expect(
      await generateIn({ "specs/shop.json": spec({ $ref: "../../outside-secret.json" }) }, ["--allow-outside-refs"]),
    ).toMatchObject({ code: 0, written: true });
  });
});

describe("inputs that used to exhaust or crash the generator", () => {
  // Nine levels of nine aliases each: 9^9 nodes if expanded, under 1 KB as written.
  const levels = ["  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
  for (const [i, name] of [..."bcdefghi"].entries())
    levels.push(`  ${name}: &${name} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(", ")}]`);
  const bomb = `x-bomb:\n${levels.join("\n")}\n`;

  it("a 1 KB YAML alias bomb is refused with a clear error, not expanded", async () => {
    const yaml = `openapi: 3.1.0\ninfo: { title: Shop, version: "1" }\npaths: {}\n${bomb}`;
    expect(yaml.length).toBeLessThan(1024);
    const result = await generateIn({ "specs/shop.yaml": yaml }, [], "apis:\n  shop:\n    root: specs/shop.yaml\n");
    expect(result.code).toBe(1);
    expect(result.message).toBe(
      "specs/shop.yaml: more than 1000 YAML alias expansions (an alias bomb?); write the repeated parts out or use $refs",
    );
  });

  it("so is one in redocly.yaml", async () => {
    const result = await generateIn({}, [], `apis:\n  shop:\n    root: specs/shop.yaml\n${bomb}`);
    expect(result.code).toBe(1);
    expect(result.message).toBe(
      "redocly.yaml: more than 1000 YAML alias expansions (an alias bomb?); write the repeated parts out",
    );
  });

  it.each([
    [
      "a $ref cycle",
      spec(
        { $ref: "#/components/schemas/A" },
        { components: { schemas: { A: { $ref: "#/components/schemas/B" }, B: { $ref: "#/components/schemas/A" } } } },
      ),
      "specs/shop.json#/paths/~1items/get/responses/200/content/application~1json/schema: $ref loops back to itself (#/components/schemas/A → #/components/schemas/B → #/components/schemas/A); point it at a definition",
    ],
    [
      "an allOf loop",
      spec(
        { $ref: "#/components/schemas/A" },
        {
          components: {
            schemas: {
              A: { allOf: [{ $ref: "#/components/schemas/B" }] },
              B: { allOf: [{ $ref: "#/components/schemas/A" }] },
            },
          },
        },
      ),
      "specs/shop.json#/components/schemas/A: reaches itself through $ref, allOf, anyOf or oneOf alone (#/components/schemas/A → #/components/schemas/B → #/components/schemas/A), so no type can name it and no value can be checked against it; make one of them a schema of its own",
    ],
    [
      "a loop through an inline anyOf entry and a $ref, beside other keywords",
      spec(
        { $ref: "#/components/schemas/Pet" },
        {
          components: {
            schemas: {
              Pet: { type: "object", anyOf: [{ required: ["id"], allOf: [{ $ref: "#/components/schemas/Cat" }] }] },
              Cat: { $ref: "#/components/schemas/Pet" },
            },
          },
        },
      ),
      "specs/shop.json#/components/schemas/Pet: reaches itself through $ref, allOf, anyOf or oneOf alone (#/components/schemas/Pet → #/components/schemas/Cat → #/components/schemas/Pet)",
    ],
    [
      "a $ref to the whole document",
      spec({ $ref: "#" }),
      "specs/shop.json#/paths/~1items/get/responses/200/content/application~1json/schema/$ref: a $ref to the whole document names nothing a spec can use",
    ],
    [
      "a % in an operationId",
      spec({ type: "object" }).replace('"listItems"', '"list%Items"'),
      'specs/shop.json#/paths/~1items/get/operationId: unsupported: a % in the operationId "list%Items"',
    ],
  ])("%s is a one-line spec error with its pointer", async (_, text, message) => {
    const result = await generateIn({ "specs/shop.json": text });
    expect(result.code).toBe(1);
    expect(result.message).toContain(message);
    expect(result.message).not.toMatch(/internal error|\n\s+at /);
    expect(result.message.split("\n")).toHaveLength(1);
  });

  it("a schema that reaches itself through a property or an item (a tree) loads", async () => {
    const tree = {
      type: "object",
      properties: {
        children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
        parent: { anyOf: [{ $ref: "#/components/schemas/Node" }, { type: "null" }] },
      },
    };
    const text = spec({ $ref: "#/components/schemas/Node" }, { components: { schemas: { Node: tree } } });
    expect(await generateIn({ "specs/shop.json": text })).toMatchObject({ code: 0, written: true });
  });

  it("a one-line (minified) JSON spec loads", async () => {
    const minified = spec({ type: "object", properties: { id: { type: "string" } } });
    expect(minified).not.toContain("\n");
    expect(await generateIn({ "specs/shop.json": minified })).toMatchObject({ code: 0, written: true });
  });
});
