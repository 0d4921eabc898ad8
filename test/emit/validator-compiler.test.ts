import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { indentCode } from "../../generator/emit/indent.js";
import { isRecord } from "../../generator/runtime/records.js";
import * as validation from "../../generator/runtime/validation.js";
import type { Issue, Validator } from "../../generator/runtime/validation.js";
import { LINE_WIDTH } from "../../generator/emit/literal.js";
import { NameRegistry, SchemaCompiler } from "../../generator/emit/validator-compiler.js";
import { REPO } from "../helpers/temp-project.js";
import { overlongLines } from "../helpers/line-width.js";
import { strictTsc } from "../helpers/tsc.js";

type Check = (value: unknown, open?: boolean) => Issue[];

/** Compiles `schema` the way validators.gen.ts is built, and runs the result. */
function compile(schema: unknown, components: Record<string, unknown> = {}): Check {
  const compiler = new SchemaCompiler(components);
  const name = compiler.compile(schema, "root");
  const source = compiler.statements.join("\n").replace(/^export /gm, "");
  const js = ts.transpileModule(`${source}\nreturn ${name};`, {
    compilerOptions: { target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const helpers = { ...validation, isRecord };
  const names = ["checkFormat", "checkObject", "isRecord", "passes", "segment", "typeName"] as const;
  const validate = new Function(...names, js)(...names.map((n) => helpers[n])) as Validator;
  return (value, open = false) => {
    const issues: Issue[] = [];
    validate(value, "", issues, open);
    return issues;
  };
}

const cases: {
  name: string;
  schema: unknown;
  valid: unknown[];
  invalid: [unknown, Issue[]][];
  components?: Record<string, unknown>;
}[] = [
  {
    name: "type with nullable (3.1 list and 3.0 flag)",
    schema: { type: ["string", "null"] },
    valid: ["a", null],
    invalid: [[1, [{ pointer: "", message: "must be string or null, not integer" }]]],
  },
  {
    name: "3.0 nullable",
    schema: { type: "number", nullable: true },
    valid: [1.5, null],
    invalid: [["1", [{ pointer: "", message: "must be number or null, not string" }]]],
  },
  {
    name: "integer",
    schema: { type: "integer", minimum: 0 },
    valid: [0, 5],
    invalid: [
      [1.5, [{ pointer: "", message: "must be integer, not number" }]],
      [-1, [{ pointer: "", message: "must be at least 0 (minimum)" }]],
    ],
  },
  {
    name: "string limits, pattern and format",
    schema: { type: "string", minLength: 2, maxLength: 3, pattern: "^[A-Z]+$" },
    valid: ["AB", "ABC"],
    invalid: [
      ["A", [{ pointer: "", message: "must have at least 2 characters (minLength)" }]],
      ["ab", [{ pointer: "", message: "must match the pattern ^[A-Z]+$" }]],
    ],
  },
  {
    name: "format uuid",
    schema: { type: "string", format: "uuid" },
    valid: ["3fa85f64-5717-4562-b3fc-2c963f66afa6"],
    invalid: [["x", [{ pointer: "", message: "must be a valid uuid" }]]],
  },
  { name: "const", schema: { const: 0 }, valid: [0], invalid: [[1, [{ pointer: "", message: "must be 0" }]]] },
  {
    name: "object: required, nested pointers, additionalProperties false",
    schema: {
      type: "object",
      required: ["a"],
      additionalProperties: false,
      properties: { a: { type: "array", maxItems: 1, items: { type: "string" } } },
    },
    valid: [{ a: [] }, { a: ["x"] }],
    invalid: [
      [{}, [{ pointer: "/a", message: "is required" }]],
      [{ a: [1] }, [{ pointer: "/a/0", message: "must be string, not integer" }]],
      [
        { a: ["x", "y"], b: 1 },
        [
          { pointer: "/a", message: "must have at most 1 items (maxItems)" },
          { pointer: "/b", message: "is not a known property (additionalProperties: false)" },
        ],
      ],
    ],
  },
  {
    name: "additionalProperties as a schema; pointer segments escaped",
    schema: { type: "object", additionalProperties: { type: "integer" } },
    valid: [{ "a/b": 1 }],
    invalid: [[{ "a/b": "x" }, [{ pointer: "/a~1b", message: "must be integer, not string" }]]],
  },
  {
    name: "anyOf and oneOf",
    schema: { anyOf: [{ type: "string" }, { type: "number" }] },
    valid: ["a", 1],
    invalid: [[true, [{ pointer: "", message: "must match at least one of its anyOf schemas" }]]],
  },
  {
    name: "oneOf counts matches",
    schema: { oneOf: [{ type: "number" }, { type: "integer" }] },
    valid: [1.5],
    invalid: [[2, [{ pointer: "", message: "must match exactly one of its oneOf schemas" }]]],
  },
  {
    name: "recursive component via $ref",
    schema: { $ref: "#/components/schemas/Node" },
    components: {
      Node: { type: "object", properties: { next: { $ref: "#/components/schemas/Node" }, v: { type: "integer" } } },
    },
    valid: [{ v: 1, next: { v: 2, next: {} } }],
    invalid: [[{ next: { next: { v: "x" } } }, [{ pointer: "/next/next/v", message: "must be integer, not string" }]]],
  },
];

describe("schema compiler: given schema → compiled validator", () => {
  it.each(cases)("$name", ({ schema, valid, invalid, components }) => {
    const check = compile(schema, components);
    for (const value of valid) expect(check(value)).toEqual([]);
    for (const [value, issues] of invalid) expect(check(value)).toEqual(issues);
  });

  it("string enums are closed for requests and open for responses; other enums always closed", () => {
    const strings = compile({ type: "string", enum: ["a", "b"] });
    expect(strings("c")).toEqual([{ pointer: "", message: 'must be one of "a", "b"' }]);
    expect(strings("c", true)).toEqual([]);
    const numbers = compile({ enum: [1, 2] });
    expect(numbers(3, true)).toEqual([{ pointer: "", message: "must be one of 1, 2" }]);
  });

  it("annotations do not split equal constraints into separate functions", () => {
    const compiler = new SchemaCompiler({});
    const a = compiler.compile({ type: "string", description: "one", example: "x" }, "a");
    const b = compiler.compile({ type: "string", description: "two", "x-note": 1 }, "b");
    expect(a).toBe(b);
  });

  it("a pattern JavaScript cannot compile is skipped, not a crash", () => {
    expect(compile({ type: "string", pattern: "(?<x" })("anything")).toEqual([]);
  });
});

/** The module text validators.gen.ts would get for these compiled schemas. */
function emitted(compiler: SchemaCompiler): string {
  return indentCode(compiler.statements.join("\n\n"));
}

/** Names of the functions and constants of an emitted module, in order. */
function declared(source: string): { functions: string[]; constants: string[] } {
  return {
    functions: [...source.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]!),
    constants: [...source.matchAll(/^const (\w+)/gm)].map((m) => m[1]!),
  };
}

/** The body of the emitted function `name` (from its signature to its closing brace). */
function functionText(source: string, name: string): string {
  const start = source.indexOf(`export function ${name}(`);
  expect(start).toBeGreaterThanOrEqual(0);
  return source.slice(start, source.indexOf("\n}\n", start) + 2);
}

/** `schema` compiled alone as `Root`: the module text and Root's own function. */
function compiledRoot(schema: unknown): { source: string; root: string } {
  const compiler = new SchemaCompiler({});
  const name = compiler.compile(schema, "Root");
  const source = emitted(compiler);
  return { source, root: functionText(source, name) };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe("schema compiler: names after what they check", () => {
  it("given a component with inline parts → the component's name, then owner_place for each part", () => {
    const compiler = new SchemaCompiler({
      Amount: { type: "string", pattern: "^\\d+$" },
      Payment: {
        type: "object",
        required: ["amount"],
        properties: {
          amount: { anyOf: [ref("Amount"), { type: "null" }] },
          status: { type: "string", enum: ["paid", "fail"] },
          items: { type: "array", items: { type: "object", properties: { sku: { type: "string", minLength: 1 } } } },
          meta: { type: "object", additionalProperties: { type: "integer", minimum: 0 } },
          kind: { oneOf: [{ type: "integer" }, { type: "boolean" }] },
          both: { allOf: [ref("Amount"), { type: "string", maxLength: 9 }] },
        },
      },
    });
    expect(compiler.compile(ref("Payment"), "unused")).toBe("Payment");
    expect(declared(emitted(compiler))).toEqual({
      functions: [
        "Amount",
        "Payment_amount_anyOf2",
        "Payment_amount",
        "Payment_status",
        "Payment_items_item_sku",
        "Payment_items_item",
        "Payment_items",
        "Payment_meta_value",
        "Payment_meta",
        "Payment_kind_oneOf1",
        "Payment_kind_oneOf2",
        "Payment_kind",
        "Payment_both_allOf2",
        "Payment_both",
        "Payment",
      ],
      constants: [
        "Amount_pattern",
        "Payment_amount_branches",
        "Payment_status_values",
        "Payment_items_item_properties",
        "Payment_kind_branches",
        "Payment_required",
        "Payment_properties",
      ],
    });
  });

  it("given an inline root → the caller's name; a component root keeps its own", () => {
    const compiler = new SchemaCompiler({ Amount: { type: "string" } });
    expect(compiler.compile({ type: "object", properties: { a: ref("Amount") } }, "listPaymentsBody")).toBe(
      "listPaymentsBody",
    );
    expect(compiler.compile(ref("Amount"), "listPaymentsQuery_amount")).toBe("Amount");
  });

  it("given structurally equal inline schemas → one function, named where it was first met", () => {
    const compiler = new SchemaCompiler({});
    const name = compiler.compile(
      { type: "object", properties: { a: { type: "string", description: "A" }, b: { type: "string" } } },
      "Root",
    );
    expect(name).toBe("Root");
    const source = emitted(compiler);
    expect(declared(source).functions).toEqual(["Root_a", "Root"]);
    expect(source).toContain("b: Root_a");
  });

  it.each([
    { given: ["a-b", "a_b", "a.b"], want: ["a_b", "a_b_2", "a_b_3"] },
    { given: ["1st", "", "Zahlung-ü"], want: ["_1st", "_", "Zahlung__"] },
    {
      given: ["class", "default", "eval", "await", "undefined"],
      want: ["class_2", "default_2", "eval_2", "await_2", "undefined_2"],
    },
    {
      given: ["isRecord", "checkObject", "passes", "segment", "typeName", "checkFormat"],
      want: ["isRecord_2", "checkObject_2", "passes_2", "segment_2", "typeName_2", "checkFormat_2"],
    },
    {
      given: ["Issue", "RequestArgs", "Set", "value", "open"],
      want: ["Issue_2", "RequestArgs_2", "Set_2", "value_2", "open_2"],
    },
    {
      given: ["listPaymentsRequest", "listPaymentsResponse", "x", "x", "x_2"],
      want: ["listPaymentsRequest_2", "listPaymentsResponse_2", "x", "x_2", "x_2_2"],
    },
  ])("registry: given $given → $want", ({ given, want }) => {
    const names = new NameRegistry(["listPaymentsRequest", "listPaymentsResponse"]);
    expect(given.map((raw) => names.claim(raw))).toEqual(want);
  });

  it("given components named like reserved words, imports and operation validators → suffixed names", () => {
    const components = Object.fromEntries(
      ["class", "isRecord", "Issue", "listPaymentsRequest", "a-b", "a_b"].map((n) => [n, { type: "string" }]),
    );
    const compiler = new SchemaCompiler(components, ["listPaymentsRequest", "listPaymentsResponse"]);
    expect(Object.keys(components).map((n) => compiler.compile(ref(n), "unused"))).toEqual([
      "class_2",
      "isRecord_2",
      "Issue_2",
      "listPaymentsRequest_2",
      "a_b",
      "a_b_2",
    ]);
    // The JSDoc names the component as the spec spells it.
    expect(emitted(compiler)).toContain("/** Checks a value against the `a-b` schema. */\nexport function a_b(");
  });

  it("a component named like a parameter or a global the code uses does not hide it", () => {
    // Named `value`, the validator of unknown keys would be the parameter, the object itself;
    // named `undefined`, checkObject's "no validator for unknown keys" would become one.
    const check = compile(
      {
        type: "object",
        properties: { a: { type: "object", properties: { b: ref("undefined") } } },
        additionalProperties: ref("value"),
      },
      { value: { type: "integer" }, undefined: { type: "string" } },
    );
    expect(check({ a: { b: "x", other: true }, n: 1 })).toEqual([]);
    expect(check({ a: { b: 2 }, n: "1" })).toEqual([
      { pointer: "/a/b", message: "must be string, not integer" },
      { pointer: "/n", message: "must be integer, not string" },
    ]);
  });

  it("names are deterministic: the same schemas compile to the same text", () => {
    const run = () => {
      const compiler = new SchemaCompiler({
        A: { type: "object", properties: { x: { type: "string", enum: ["a"] } } },
      });
      compiler.compile({ type: "array", items: ref("A") }, "Root");
      return emitted(compiler);
    };
    expect(run()).toBe(run());
  });
});

describe("schema compiler: no redundant checks", () => {
  it.each([
    { type: "string", minLength: 1, maxLength: 3, pattern: "^a", format: "uuid" },
    { type: "integer", minimum: 0, multipleOf: 2 },
    { type: "number", maximum: 5 },
    { type: "array", minItems: 1, items: { type: "string" } },
    { type: "object", required: ["a"], minProperties: 1 },
  ])("given a type test admitting one type ($type) → its checks are not wrapped in a second test", (schema) => {
    const { root: source } = compiledRoot(schema);
    const test = {
      string: "typeof value",
      integer: "typeof value",
      number: "typeof value",
      array: "Array.isArray(value)",
      object: "isRecord(value)",
    }[schema.type]!;
    expect(source.split(test)).toHaveLength(2);
    expect(source).toMatch(/return;\n {2}\}\n {2}(?!if \((typeof|Array|isRecord))/);
  });

  it("given two admitted types → each type's checks keep their own test", () => {
    const { root: source } = compiledRoot({ type: ["string", "null", "integer"], minLength: 1, minimum: 0 });
    expect(source).toContain('  if (typeof value === "string") {\n    if ([...value].length < 1)');
    expect(source).toContain('  if (typeof value === "number") {\n    if (value < 0)');
  });

  it("given keywords of a type the type test refuses → no check for them", () => {
    const { source } = compiledRoot({ type: "string", minimum: 1, items: { type: "string" }, required: ["a"] });
    expect(source).not.toMatch(/value < 1|forEach|checkObject/);
    expect(declared(source).functions).toEqual(["Root"]);
  });

  it("given a string enum under a string type test → `open` alone decides, no second typeof", () => {
    const { root: source } = compiledRoot({ type: "string", enum: ["a", "b"] });
    expect(source).toContain("if (!open && !Root_values.includes(value))");
    expect(source.split("typeof value")).toHaveLength(2);
  });

  it.each([
    {
      given: { type: "string" },
      want: '  if (typeof value !== "string") issues.push({ pointer, message: "must be string, not " + typeName(value) });\n}',
    },
    {
      given: { type: ["string", "null"], description: "too long a test for one line" },
      want:
        '  if (!(typeof value === "string" || value === null)) {\n' +
        '    issues.push({ pointer, message: "must be string or null, not " + typeName(value) });\n  }\n}',
    },
  ])("given a type test with nothing after it ($given.type) → no early return", ({ given, want }) => {
    const { root } = compiledRoot(given);
    expect(root).not.toContain("return");
    expect(root.slice(root.indexOf("\n") + 1)).toBe(want);
    const check = compile(given);
    expect(check(1)).toHaveLength(1);
    expect(check("a")).toEqual([]);
  });

  it("given a lone one-schema allOf (a description beside a $ref) → the schema's own function, no wrapper", () => {
    const components = { Currency: { type: "string", enum: ["RUB", "USD"] } };
    const compiler = new SchemaCompiler(components);
    const properties = {
      currency: { allOf: [ref("Currency")], description: "Payment currency" },
      inline: { allOf: [{ type: "integer", minimum: 1 }] },
      // Not lone: a sibling keyword, or two schemas, keep a function of their own.
      nullable: { allOf: [ref("Currency")], type: "string" },
      both: { allOf: [ref("Currency"), { maxLength: 3 }] },
    };
    compiler.compile({ type: "object", properties }, "Root");
    const source = emitted(compiler);
    expect(declared(source).functions).toEqual([
      "Currency",
      "Root_inline",
      "Root_nullable",
      "Root_both_allOf2",
      "Root_both",
      "Root",
    ]);
    expect(source).toMatch(/\bcurrency: Currency,\s+inline: Root_inline,/);
    const check = compile({ type: "object", properties }, components);
    expect(check({ currency: "EUR", inline: 0 }, false)).toEqual([
      { pointer: "/currency", message: 'must be one of "RUB", "USD"' },
      { pointer: "/inline", message: "must be at least 1 (minimum)" },
    ]);
  });

  it("given minLength and maxLength → the string is counted once", () => {
    const { root: source } = compiledRoot({ type: "string", minLength: 1, maxLength: 3 });
    expect(source.split("[...value].length")).toHaveLength(2);
  });

  it("given a const of a type the type test refuses → always an issue, as before", () => {
    const check = compile({ type: "string", const: 0 });
    expect(check("0")).toEqual([{ pointer: "", message: "must be 0" }]);
  });

  it("the narrowed output type-checks under the strictest settings (each type test is a guard)", () => {
    const compiler = new SchemaCompiler({ Node: { type: "object", properties: { next: ref("Node") } } });
    const schemas = [
      { type: "integer", minimum: 0, maximum: 9, multipleOf: 3, const: 3 },
      { type: "number", exclusiveMinimum: 0, enum: [1, 2.5] },
      { type: "string", minLength: 1, maxLength: 2, pattern: "^a", format: "date", enum: ["a"], const: 1 },
      { type: "array", minItems: 1, maxItems: 3, uniqueItems: true, items: ref("Node") },
      { type: "object", required: ["a"], minProperties: 1, additionalProperties: false },
      {
        type: ["string", "integer", "null", "array", "object"],
        minLength: 1,
        minimum: 1,
        minItems: 1,
        maxProperties: 1,
      },
      { type: "boolean", enum: [true] },
      { anyOf: [{ type: "string" }, ref("Node")], oneOf: [{ type: "null" }, { type: "object" }] },
    ];
    for (const [i, schema] of schemas.entries()) compiler.compile(schema, `Root${i}`);
    // Under the repo, so its package.json makes the file an ES module.
    const cache = path.join(REPO, "node_modules", ".cache");
    mkdirSync(cache, { recursive: true });
    const dir = mkdtempSync(path.join(cache, "payspec-narrowing-"));
    try {
      const runtime = path.join(REPO, "generator", "runtime", "validation.js");
      const records = path.join(REPO, "generator", "runtime", "records.js");
      const own = compiler.usedHelpers.filter((h) => h !== "isRecord");
      writeFileSync(
        path.join(dir, "validators.ts"),
        `import { ${own.join(", ")}, type Issue } from ${JSON.stringify(runtime)};\n` +
          `import { isRecord } from ${JSON.stringify(records)};\n\n${emitted(compiler)}`,
      );
      const result = strictTsc([path.join(dir, "*.ts")], "NodeNext");
      expect(result.output).toBe("");
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("schema compiler: lines within LINE_WIDTH", () => {
  it("given long tables, enums, required and branch lists → one entry per line, no line too long", () => {
    const keys = Array.from({ length: 30 }, (_, i) => `a_rather_long_property_name_${i}`);
    const compiler = new SchemaCompiler({ LongComponentNameForTheStatusOfAPayment: { type: "string", enum: keys } });
    compiler.compile(
      {
        type: "object",
        required: keys,
        properties: Object.fromEntries(
          keys.map((k, i) => [
            k,
            i % 2 === 0 ? ref("LongComponentNameForTheStatusOfAPayment") : { type: "integer", maximum: i },
          ]),
        ),
        additionalProperties: { anyOf: keys.map((_, i) => ({ type: "string", maxLength: i })) },
      },
      "ACallerGivenNameThatIsLongForAnOperationBody",
    );
    const source = emitted(compiler);
    // Only the enum's message, one string literal, may run past the width.
    const long = source.split("\n").filter((line) => line.length > LINE_WIDTH);
    expect(long).toHaveLength(1);
    expect(long[0]).toMatch(/^ {4}issues\.push\(\{ pointer, message: "must be one of /);
    expect(overlongLines(source)).toEqual([]);
    expect(source).toContain(
      'const ACallerGivenNameThatIsLongForAnOperationBody_required = [\n  "a_rather_long_property_name_0",\n',
    );
    expect(source).toContain(
      "const ACallerGivenNameThatIsLongForAnOperationBody_properties = {\n  a_rather_long_property_name_0: LongComponentNameForTheStatusOfAPayment,\n",
    );
    expect(source).toContain(
      'const LongComponentNameForTheStatusOfAPayment_values: readonly unknown[] = [\n  "a_rather_long_property_name_0",\n',
    );
    expect(source).toContain(
      "const ACallerGivenNameThatIsLongForAnOperationBody_value_branches = [\n  ACallerGivenNameThatIsLongForAnOperationBody_value_anyOf1,\n",
    );
  });

  it("given a long pattern or enum message → only that string literal runs past the width", () => {
    const values = Array.from({ length: 20 }, (_, i) => `value_number_${i}`);
    const compiler = new SchemaCompiler({});
    compiler.compile({ type: "string", pattern: `^(${values.join("|")})$`, enum: values }, "Root");
    const long = emitted(compiler)
      .split("\n")
      .filter((line) => line.length > LINE_WIDTH);
    expect(long.length).toBeGreaterThan(0);
    expect(overlongLines(long.join("\n"))).toEqual([]);
  });

  it("the generated validators: no line past the width but for one string literal", () => {
    const dir = path.join(REPO, "generated");
    const files = readdirSync(dir).filter((api) => existsSync(path.join(dir, api, "validators.gen.ts")));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const api of files) {
      expect(overlongLines(readFileSync(path.join(dir, api, "validators.gen.ts"), "utf8")), api).toEqual([]);
    }
  });
});

describe("indentCode", () => {
  it("indents by braces, ignoring braces in strings", () => {
    expect(indentCode('function f() {\nif (x) {\ny("{");\n}\n}')).toBe(
      'function f() {\n  if (x) {\n    y("{");\n  }\n}\n',
    );
  });
});
