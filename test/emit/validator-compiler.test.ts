import ts from "typescript";
import { describe, expect, it } from "vitest";
import { indentCode } from "../../generator/emit/indent.js";
import { isRecord } from "../../generator/runtime/records.js";
import * as validation from "../../generator/runtime/validation.js";
import type { Issue, Validator } from "../../generator/runtime/validation.js";
import { SchemaCompiler } from "../../generator/emit/validator-compiler.js";

type Check = (value: unknown, open?: boolean) => Issue[];

/** Compiles `schema` the way validators.gen.ts is built, and runs the result. */
function compile(schema: unknown, components: Record<string, unknown> = {}): Check {
  const compiler = new SchemaCompiler(components);
  const name = compiler.compile(schema);
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
    const a = compiler.compile({ type: "string", description: "one", example: "x" });
    const b = compiler.compile({ type: "string", description: "two", "x-note": 1 });
    expect(a).toBe(b);
  });

  it("a pattern JavaScript cannot compile is skipped, not a crash", () => {
    expect(compile({ type: "string", pattern: "(?<x" })("anything")).toEqual([]);
  });
});

describe("indentCode", () => {
  it("indents by braces, ignoring braces in strings", () => {
    expect(indentCode('function f() {\nif (x) {\ny("{");\n}\n}')).toBe(
      'function f() {\n  if (x) {\n    y("{");\n  }\n}\n',
    );
  });
});
