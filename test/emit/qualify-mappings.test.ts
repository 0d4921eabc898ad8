import { describe, expect, it } from "vitest";
import { qualifyMappings } from "../../generator/emit/schema-file.js";

describe("qualifyMappings: bare discriminator mapping values become refs", () => {
  const cases: { given: unknown; want: unknown }[] = [
    {
      given: {
        Pet: { discriminator: { propertyName: "kind", mapping: { cat: "Cat", dog: "#/components/schemas/Dog" } } },
      },
      want: {
        Pet: {
          discriminator: {
            propertyName: "kind",
            mapping: { cat: "#/components/schemas/Cat", dog: "#/components/schemas/Dog" },
          },
        },
      },
    },
    {
      given: { oneOf: [{ discriminator: { propertyName: "t", mapping: { a: "./a.yaml#/A" } } }] },
      want: { oneOf: [{ discriminator: { propertyName: "t", mapping: { a: "./a.yaml#/A" } } }] },
    },
    // A property named "discriminator" without a mapping is an ordinary schema: searched below.
    {
      given: {
        properties: { discriminator: { allOf: [{ discriminator: { propertyName: "k", mapping: { x: "X" } } }] } },
      },
      want: {
        properties: {
          discriminator: {
            allOf: [{ discriminator: { propertyName: "k", mapping: { x: "#/components/schemas/X" } } }],
          },
        },
      },
    },
  ];
  it.each(cases)("$given → $want", ({ given, want }) => {
    const before = structuredClone(given);
    expect(qualifyMappings(given)).toEqual(want);
    expect(given, "the input is left as it was").toEqual(before);
  });

  it("returns the very node where nothing below it changed, and copies only the path to a change", () => {
    const untouched = { type: "object", properties: { a: { type: "string" } }, enum: ["x"] };
    const document = {
      components: {
        schemas: { Untouched: untouched, Pet: { discriminator: { propertyName: "k", mapping: { c: "Cat" } } } },
      },
    };
    const out = qualifyMappings(document) as typeof document;
    expect(out).not.toBe(document);
    expect(out.components.schemas.Untouched).toBe(untouched);
    const plain = { paths: { "/x": { get: { responses: {} } } }, list: [1, { a: 2 }] };
    expect(qualifyMappings(plain)).toBe(plain);
  });
});
