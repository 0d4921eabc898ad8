import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { Code, jsonSource } from "../../generator/emit/literal.js";
import { parseRules } from "../../generator/runtime/rules.js";

/** What the emitted expression evaluates to in a fresh realm (`context` its globals): the text JSON.parse is given. */
const evaluated = (source: string, context: Record<string, unknown> = {}): unknown => runInNewContext(source, context);

const LAYOUT: readonly { readonly given: unknown; readonly room: number; readonly want: string }[] = [
  { given: {}, room: 80, want: "String.raw`{}`" },
  { given: { a: ["x", 1, true, null] }, room: 80, want: 'String.raw`{ "a": ["x", 1, true, null] }`' },
  {
    // Too wide for the room: one entry a line, two spaces a level, no comma after the last.
    given: { first: { type: ["string"], minLength: 1 }, second: { type: ["integer"] } },
    room: 40,
    want: [
      "String.raw`{",
      '  "first": { "type": ["string"], "minLength": 1 },',
      '  "second": { "type": ["integer"] }',
      "}`",
    ].join("\n"),
  },
  {
    // Keys are JSON strings, never bare or computed: `__proto__` is an ordinary key in JSON.
    given: Object.fromEntries([
      ["__proto__", true],
      ["constructor", false],
      ["a b", "c"],
    ]),
    room: 80,
    want: 'String.raw`{ "__proto__": true, "constructor": false, "a b": "c" }`',
  },
];

/** Strings that would end or break out of a template literal, or that String.raw could change. */
const HOSTILE = [
  "`+globalThis.ran=1+`",
  `\${globalThis.ran=1}`,
  "$${x}",
  "\\`",
  `\\\${x}`,
  "ends in a backslash \\",
  "\\u0060 written out",
  "\\\\d{4}",
  '"quoted" and \\"escaped\\"',
  "\u2028line\u2029separators\r\n\t",
  "\u0000\u001f controls",
  "\ud800 lone surrogate",
  "</script>",
];

describe("jsonSource: plain data as JSON text in String.raw, for JSON.parse", () => {
  it.each(LAYOUT)("given $given in $room columns → $want", ({ given, room, want }) => {
    expect(jsonSource(given, room)).toBe(want);
    expect(JSON.parse(evaluated(want) as string)).toEqual(given);
  });

  it("given strings that try to leave the template → the same strings back, and nothing ran", () => {
    const given = { values: HOSTILE, keys: Object.fromEntries(HOSTILE.map((s, i) => [s, i])) };
    for (const room of [20, 1000]) {
      const source = jsonSource(given, room);
      expect(source.slice("String.raw`".length, -1)).not.toMatch(/`|\$\{/);
      const context: Record<string, unknown> = {};
      expect(JSON.parse(evaluated(source, context) as string)).toEqual(given);
      expect(context).toEqual({});
    }
  });

  it("given code → refused (JSON holds data only)", () => {
    expect(() => jsonSource({ check: new Code("checkPayment") }, 80)).toThrow("code cannot be JSON data: checkPayment");
  });

  it("parseRules keeps a component named __proto__ as an own entry, the prototype untouched", () => {
    const table = Object.fromEntries([["__proto__", { type: ["string"] }]]);
    const rules = parseRules(evaluated(jsonSource(table, 80)) as string);
    expect(rules).toEqual(table);
    expect(Object.hasOwn(rules, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(rules)).toBe(Object.prototype);
  });
});
