import { describe, expect, it } from "vitest";
import { indentCode } from "../../generator/emit/indent.js";

const CASES: readonly { readonly name: string; readonly given: string; readonly want: string }[] = [
  { name: "braces nest", given: "if (a) {\nb();\n}", want: "if (a) {\n  b();\n}\n" },
  {
    name: "a line that closes and opens dedents, then nests again",
    given: "if (a) {\nb();\n} else {\nc();\n}",
    want: "if (a) {\n  b();\n} else {\n  c();\n}\n",
  },
  { name: "brackets in strings do not count", given: 'const s = "{[(";\nnext();', want: 'const s = "{[(";\nnext();\n' },
  { name: "brackets in a line comment do not count", given: "// see (a\nnext();", want: "// see (a\nnext();\n" },
  {
    name: "a JSDoc block keeps the space before each star, and its brackets do not count",
    given: "function f() {\n/**\n* Checks `{ a`\n*/\nreturn 1;\n}",
    want: "function f() {\n  /**\n   * Checks `{ a`\n   */\n  return 1;\n}\n",
  },
  { name: "blank lines stay empty", given: "{\n\nx;\n}", want: "{\n\n  x;\n}\n" },
];

describe("indentCode", () => {
  it.each(CASES)("$name", ({ given, want }) => {
    expect(indentCode(given)).toBe(want);
  });
});
