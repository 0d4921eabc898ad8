import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LINE_WIDTH } from "../../generator/emit/literal.js";
import { overlongLines } from "../helpers/line-width.js";
import { REPO } from "../helpers/temp-project.js";

// generated/ equals the generator's output (the drift gate checks that), so this is the width
// of what the generator writes for the project's specs; corpus.test.ts checks it for others'.
const GENERATED = path.join(REPO, "generated");
const files = readdirSync(GENERATED, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".ts"))
  .sort();

describe(`no generated line is longer than ${LINE_WIDTH} columns, but for one unbreakable literal`, () => {
  it("covers every api's files and the runtime", () => {
    expect(files).toEqual(expect.arrayContaining(["cryptomus/client.gen.ts", "runtime/invoke.ts"]));
  });

  it.each(files)("%s", (file) => {
    expect(overlongLines(readFileSync(path.join(GENERATED, file), "utf8"))).toEqual([]);
  });

  it.each([
    ["a line within the width", "x".repeat(LINE_WIDTH), []],
    ["a long type union", `type T = ${Array.from({ length: 30 }, (_, i) => `"v${i}"`).join(" | ")};`, 1],
    ["one long string literal", `  message: "${"m".repeat(200)}",`, []],
    ["one long regex literal", `const pattern = /^${"a".repeat(200)}$/u;`, []],
    ["a long literal beside much other code", `f(${"a, ".repeat(50)}"${"m".repeat(80)}");`, 1],
  ] as const)("given %s", (_, line, want) => {
    const found = overlongLines(line);
    if (typeof want === "number") expect(found).toHaveLength(want);
    else expect(found).toEqual(want);
  });
});
