import ts from "typescript";
import { describe, expect, it } from "vitest";
import { wrapLines } from "../../generator/emit/wrap-lines.js";

// Width 40 keeps the cases readable; the generator uses LINE_WIDTH.
const WIDTH = 40;
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");
const members = (n: number) => Array.from({ length: n }, (_, i) => `"v${i}"`).join(" | ");

const CASES: readonly { readonly given: string; readonly want: string }[] = [
  { given: "const short = 1;", want: "const short = 1;" },
  {
    given: `// ${words(8)}`,
    want: "// word0 word1 word2 word3 word4 word5\n// word6 word7",
  },
  {
    given: `  /** ${words(7)} */`,
    want: "  /**\n   * word0 word1 word2 word3 word4 word5\n   * word6\n   */",
  },
  {
    given: ` * - ${words(8)}`.replace(/^/, "/**\n").concat("\n */"),
    want: "/**\n * - word0 word1 word2 word3 word4 word5\n *   word6 word7\n */",
  },
  {
    given: `export type Status = ${members(6)};`,
    want: 'export type Status =\n  | "v0"\n  | "v1"\n  | "v2"\n  | "v3"\n  | "v4"\n  | "v5";',
  },
  {
    given: `  status?: ${members(6)};`,
    want: '  status?:\n    | "v0"\n    | "v1"\n    | "v2"\n    | "v3"\n    | "v4"\n    | "v5";',
  },
  {
    // No head: broken before the bar that would pass the width.
    given: `  list?: (${members(8)})[];`,
    want: '  list?: ("v0" | "v1" | "v2" | "v3"\n      | "v4" | "v5" | "v6" | "v7")[];',
  },
  {
    // A bar inside a string is text, not a union.
    given: `const message = "${"a | ".repeat(10)}";`,
    want: `const message = "${"a | ".repeat(10)}";`,
  },
  {
    given: "/**\n * ```ts\n * const aVeryLongLineOfCodeInAFence = 1234567;\n * ```\n */",
    want: "/**\n * ```ts\n * const aVeryLongLineOfCodeInAFence = 1234567;\n * ```\n */",
  },
];

describe("wrapLines", () => {
  it.each(CASES)("given $given", ({ given, want }) => {
    expect(wrapLines(given, WIDTH)).toBe(want);
  });

  it("keeps type code valid: what it breaks parses as before, to the same types", () => {
    const given = `type T = { list?: (${members(12)})[]; kind: ${members(9)} };`;
    const wrapped = wrapLines(given, WIDTH);
    expect(wrapped.split("\n").length).toBeGreaterThan(3);
    const print = (code: string) => {
      const file = ts.createSourceFile("t.ts", code, ts.ScriptTarget.ES2022, true);
      expect((file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
      return ts.createPrinter({ newLine: ts.NewLineKind.LineFeed }).printFile(file);
    };
    expect(print(wrapped)).toBe(print(given));
  });
});
