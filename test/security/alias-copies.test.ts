import { BaseResolver, Source } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { aliasCopies } from "../../generator/load/resolver.js";

/** The document as Redocly's parser (the one the generator's resolver extends) reads it. */
function load(yaml: string): unknown {
  return new BaseResolver().parseDocument(new Source("/spec.yaml", yaml), true).parsed;
}

// Redocly's YAML parser shares an anchored node among its aliases: aliasCopies counts the
// nodes an expansion would add without making them.
describe("aliasCopies", () => {
  it.each([
    ["no aliases", "a: 1\nb: [x, y]\n", 0],
    ["a scalar alias reads as a plain scalar: nothing to expand", "a: &v 1\nb: *v\n", 0],
    ["a map of two fields, aliased twice", "a: &m { x: 1, y: 2 }\nb: *m\nc: *m\n", 6],
    // c holds 2 × b (7 nodes each), b holds 2 × a (3 each): 26 nodes expanded, 6 written.
    ["nested aliases multiply", "a: &a [1, 1]\nb: &b [*a, *a]\nc: [*b, *b]\n", 26 - 6],
  ])("%s", (_, yaml, want) => {
    expect(aliasCopies(load(yaml))).toBe(want);
  });

  it("a 9-level alias bomb is counted, not expanded", () => {
    const levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (const [i, name] of [..."bcdefghi"].entries())
      levels.push(`${name}: &${name} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(", ")}]`);
    expect(aliasCopies(load(levels.join("\n")))).toBeGreaterThan(9 ** 8);
  });
});
