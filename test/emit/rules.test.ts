import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RuleCompiler } from "../../generator/emit/rule-compiler.js";
import { checkValue, requestCheck, responseCheck, type RuleRef, type Rules } from "../../generator/runtime/rules.js";
import type { Issue } from "../../generator/runtime/validation.js";
import { REPO } from "../helpers/temp-project.js";
import { overlongLines } from "../helpers/line-width.js";

type Check = (value: unknown, open?: boolean) => Issue[];

/** Reduces `schema` the way validators.gen.ts is built, and checks values with the runtime. */
function compile(schema: unknown, components: Record<string, unknown> = {}): Check {
  const compiler = new RuleCompiler(components);
  const root = compiler.ref(schema);
  const rules: Rules = Object.fromEntries(compiler.takeComponents());
  return (value, open = false) => {
    const issues: Issue[] = [];
    checkValue(rules, root, value, "", issues, open);
    return issues;
  };
}

/** The rule `schema` reduces to, and the component rules it reached. */
function reduced(schema: unknown, components: Record<string, unknown> = {}): [RuleRef, [string, RuleRef][]] {
  const compiler = new RuleCompiler(components);
  const root = compiler.ref(schema);
  return [root, compiler.takeComponents()];
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

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
  {
    name: "3.0 exclusive bounds (a flag beside minimum) and 3.1 ones (the bound itself)",
    schema: { type: "number", minimum: 0, exclusiveMinimum: true, exclusiveMaximum: 10, multipleOf: 0.5 },
    valid: [0.5, 9.5],
    invalid: [
      [0, [{ pointer: "", message: "must be greater than 0 (minimum)" }]],
      [10, [{ pointer: "", message: "must be less than 10 (exclusiveMaximum)" }]],
      [0.7, [{ pointer: "", message: "must be a multiple of 0.5" }]],
    ],
  },
  {
    name: "a const of a type the type test refuses → always an issue",
    schema: { type: "string", const: 0 },
    valid: [],
    invalid: [["0", [{ pointer: "", message: "must be 0" }]]],
  },
  {
    name: "an object const is compared as JSON",
    schema: { const: { a: [1] } },
    valid: [{ a: [1] }],
    invalid: [[{ a: [2] }, [{ pointer: "", message: 'must be {"a":[1]}' }]]],
  },
  {
    name: "a failed type test stops the checks after it; a $ref beside it is checked first",
    schema: { $ref: "#/components/schemas/Short", type: "string", pattern: "^a" },
    components: { Short: { maxLength: 1 } },
    valid: ["a"],
    invalid: [
      ["ab", [{ pointer: "", message: "must have at most 1 characters (maxLength)" }]],
      [1, [{ pointer: "", message: "must be string, not integer" }]],
    ],
  },
  {
    name: "string length in code points; items unique; object size",
    schema: {
      anyOf: [
        { type: "string", minLength: 2 },
        { type: "array", uniqueItems: true, minItems: 1 },
      ],
    },
    valid: ["ab", [1, 2]],
    invalid: [["😀", [{ pointer: "", message: "must match at least one of its anyOf schemas" }]]],
  },
  {
    name: "min and max properties, min and max items",
    schema: {
      type: "object",
      minProperties: 1,
      maxProperties: 1,
      additionalProperties: { type: "array", maxItems: 1, uniqueItems: true },
    },
    valid: [{ a: [] }],
    invalid: [
      [{}, [{ pointer: "", message: "must have at least 1 properties (minProperties)" }]],
      [
        { a: [1, 1], b: [] },
        [
          { pointer: "/a", message: "must have at most 1 items (maxItems)" },
          { pointer: "/a", message: "must not repeat items (uniqueItems)" },
          { pointer: "", message: "must have at most 1 properties (maxProperties)" },
        ],
      ],
    ],
  },
  {
    name: "a false schema allows nothing; true anything",
    schema: { type: "object", properties: { no: false, yes: true } },
    valid: [{ yes: [1] }],
    invalid: [[{ no: 1 }, [{ pointer: "/no", message: "is not allowed here" }]]],
  },
];

describe("rules: given schema → issues", () => {
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

  it("a long enum is shown cut at 200 characters", () => {
    const values = Array.from({ length: 40 }, (_, i) => `value_${i}`);
    const [issue] = compile({ enum: values })("other");
    expect(issue!.message.length).toBe("must be one of ".length + 200);
    expect(issue!.message.endsWith("...")).toBe(true);
  });

  it("a pattern JavaScript cannot compile is left out, not a crash", () => {
    expect(compile({ type: "string", pattern: "(?<x" })("anything")).toEqual([]);
    expect(reduced({ type: "string", pattern: "(?<x" })[0]).toEqual({ type: ["string"] });
  });
});

describe("rule compiler: given schema → rule", () => {
  it.each([
    {
      name: "annotations and extensions are left out",
      given: { type: "string", description: "d", example: "x", "x-note": 1 },
      want: { type: ["string"] },
    },
    {
      name: "3.0 nullable folds into the type list",
      given: { type: "string", nullable: true },
      want: { type: ["string", "null"] },
    },
    { name: "unknown types are dropped, and a type list of none is no test", given: { type: ["file"] }, want: {} },
    {
      name: "a keyword of the wrong form is left out",
      given: { minLength: "2", multipleOf: 0, items: [{}], required: "a" },
      want: {},
    },
    {
      name: "exclusiveMinimum: false is no bound",
      given: { minimum: 1, exclusiveMinimum: false },
      want: { minimum: 1 },
    },
    { name: "empty anyOf and oneOf are left out", given: { anyOf: [], oneOf: [] }, want: {} },
    { name: "a $ref alone is the component's name", given: ref("Pet"), want: "Pet" },
    { name: "a one-schema allOf alone is that schema", given: { allOf: [ref("Pet")], description: "d" }, want: "Pet" },
    {
      name: "false allows nothing; true and non-objects anything (true)",
      given: [false, true, null],
      want: [false, true, true],
    },
  ])("$name", ({ given, want }) => {
    const compiler = new RuleCompiler({ Pet: { type: "object" } });
    const got = Array.isArray(given) ? given.map((g) => compiler.ref(g)) : compiler.ref(given);
    expect(got).toEqual(want);
  });

  it("each component is reduced once, in the order first reached, and only when reached", () => {
    const [root, components] = reduced(
      { type: "object", properties: { a: ref("A"), b: ref("B"), again: ref("A") } },
      { A: { type: "array", items: ref("C") }, B: { type: "string" }, C: { type: "integer" }, Unused: {} },
    );
    expect(root).toEqual({ type: ["object"], properties: { a: "A", b: "B", again: "A" } });
    expect(components.map(([name]) => name)).toEqual(["A", "C", "B"]);
  });

  it("a component that refers to itself ends at its own name", () => {
    const [, components] = reduced(ref("Node"), { Node: { type: "object", properties: { next: ref("Node") } } });
    expect(components).toEqual([["Node", { type: ["object"], properties: { next: "Node" } }]]);
  });

  it("a component's name is the $ref's last part, unescaped and decoded", () => {
    expect(reduced(ref("a~1b%20c"), { "a/b c": { type: "string" } })[1]).toEqual([["a/b c", { type: ["string"] }]]);
  });

  it("takeComponents gives only what was reached since the last call", () => {
    const compiler = new RuleCompiler({ A: {}, B: {} });
    compiler.ref(ref("A"));
    expect(compiler.takeComponents().map(([n]) => n)).toEqual(["A"]);
    compiler.ref(ref("A"));
    compiler.ref(ref("B"));
    expect(compiler.takeComponents().map(([n]) => n)).toEqual(["B"]);
  });
});

describe("requestCheck: given arguments → issues, in the spec's order", () => {
  const rules: Rules = { Id: { type: ["string"], minLength: 2 } };
  const validate = requestCheck(rules, {
    parameters: [
      { in: "path", name: "shop/id", required: true, schema: "Id" },
      { in: "query", name: "after", required: false, schema: { type: ["integer"] } },
      { in: "query", name: "before", required: false },
      { in: "headers", name: "X-Trace", required: true },
    ],
    exactlyOneOf: ["after", "before"],
    body: { required: true, schema: { type: ["object"], required: ["amount"] } },
  });
  it.each([
    {
      name: "everything right",
      args: { path: { "shop/id": "ab" }, query: { after: 1 }, headers: { "X-Trace": "t" }, body: { amount: "1" } },
      want: [],
    },
    {
      name: "missing required parts, each at its pointer (escaped)",
      args: {},
      want: [
        { pointer: "/path/shop~1id", message: "is required" },
        { pointer: "/headers/X-Trace", message: "is required" },
        { pointer: "/query", message: "needs exactly one of after, before (x-exactly-one-of)" },
        { pointer: "/body", message: "is required" },
      ],
    },
    {
      name: "given but wrong; both of an exactly-one-of pair",
      args: { path: { "shop/id": "a" }, query: { after: "1", before: "x" }, headers: { "X-Trace": "t" }, body: {} },
      want: [
        { pointer: "/path/shop~1id", message: "must have at least 2 characters (minLength)" },
        { pointer: "/query/after", message: "must be integer, not string" },
        { pointer: "/query", message: "needs exactly one of after, before (x-exactly-one-of)" },
        { pointer: "/body/amount", message: "is required" },
      ],
    },
  ])("$name", ({ args, want }) => {
    expect(validate(args)).toEqual(want);
  });

  it("an operation without parameters or body accepts anything", () => {
    expect(requestCheck({}, {})({ query: { x: 1 } })).toEqual([]);
  });
});

describe("responseCheck: given status and body → issues", () => {
  const validate = responseCheck(
    { Error: { type: ["object"], required: ["message"] } },
    { "200": { type: ["string"], enum: ["paid"] }, "4XX": "Error" },
  );
  it("checks the body of a documented key, with string enums open", () => {
    expect(validate("200", "refunded")).toEqual([]);
    expect(validate("200", 1)).toEqual([{ pointer: "", message: "must be string, not integer" }]);
    expect(validate("4XX", {})).toEqual([{ pointer: "/message", message: "is required" }]);
  });
  it("a key without a schema has no issues", () => {
    expect(validate("default", { anything: true })).toEqual([]);
  });
});

describe("values that could stall or crash a check", () => {
  // A tree whose node is a oneOf of two entries that both recurse: without remembering which
  // entry each node passed, every level doubles the work (depth 20 took 4.7 s, 2026-12-02).
  const tree: Rules = {
    Node: {
      oneOf: [
        { type: ["object"], properties: { child: "Node" } },
        { type: ["object"], properties: { child: "Node", tag: { type: ["string"] } }, required: ["tag"] },
      ],
    },
  };
  /** The table, counting how often the check looks up its `Node` rule: a measure of work that needs no clock. */
  const countingNodes = (table: Rules) => {
    let count = 0;
    const rules = new Proxy(table, {
      get: (target, key, receiver) => {
        if (key === "Node") count++;
        return Reflect.get(target, key, receiver);
      },
    });
    return { rules, lookups: () => count };
  };
  const nested = (depth: number, leaf: unknown = {}) => {
    let value = leaf;
    for (let i = 0; i < depth; i++) value = { child: value };
    return value;
  };

  it("a recursive oneOf is checked in time linear in the depth: each node meets each entry once", () => {
    const { rules, lookups } = countingNodes(tree);
    const issues: Issue[] = [];
    checkValue(rules, "Node", nested(20), "", issues, false);
    expect(issues).toEqual([]);
    expect(lookups()).toBeLessThanOrEqual(3 * 21);
  });

  it("an allOf whose entries both recurse into the same property meets each node once", () => {
    const twice: Rules = {
      Node: {
        allOf: [
          { type: ["object"], properties: { child: "Node" } },
          { properties: { child: "Node", tag: { type: ["string"] } } },
        ],
      },
    };
    const { rules, lookups } = countingNodes(twice);
    const issues: Issue[] = [];
    checkValue(rules, "Node", nested(20, { tag: 5 }), "", issues, false);
    // The one bad leaf is reported once, not once per path that reaches it.
    expect(issues).toEqual([{ pointer: `${"/child".repeat(20)}/tag`, message: "must be string, not integer" }]);
    expect(lookups()).toBeLessThanOrEqual(3 * 21);
  });

  it("a failing recursive oneOf reports its one issue at the top", () => {
    const issues: Issue[] = [];
    checkValue(tree, "Node", nested(20, { child: 5 }), "", issues, false);
    expect(issues).toEqual([{ pointer: "", message: "must match exactly one of its oneOf schemas" }]);
  });

  it("a value nested deeper than the stack allows is an issue, not a RangeError", () => {
    const deep = JSON.parse(`${"[".repeat(200_000)}${"]".repeat(200_000)}`) as unknown;
    const list: Rules = { List: { type: ["array"], items: "List" } };
    expect(responseCheck(list, { "200": "List" })("200", deep)).toEqual([
      { pointer: "", message: "is nested too deeply to be checked" },
    ]);
    const cyclic: Record<string, unknown> = {};
    cyclic.child = cyclic;
    expect(requestCheck(tree, { body: { required: true, schema: "Node" } })({ body: cyclic })).toEqual([
      { pointer: "/body", message: "is nested too deeply to be checked" },
    ]);
  });
});

describe("the generated rules", () => {
  it("no line past the width but for one string literal", () => {
    const dir = path.join(REPO, "generated");
    const apis = readdirSync(dir).filter((api) => existsSync(path.join(dir, api, "validators.gen.ts")));
    expect(apis.length).toBeGreaterThanOrEqual(3);
    for (const api of apis)
      for (const file of ["validators.gen.ts", "response-validators.gen.ts"])
        expect(overlongLines(readFileSync(path.join(dir, api, file), "utf8")), `${api}/${file}`).toEqual([]);
  });
});
