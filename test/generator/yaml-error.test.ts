import { parseYaml, YamlParseError } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { yamlErrorPlace } from "../../generator/load/yaml-error.js";

/** What parseYaml throws for `text`. */
function thrownBy(text: string): unknown {
  try {
    parseYaml(text);
  } catch (error) {
    return error;
  }
  throw new Error(`parseYaml accepted ${JSON.stringify(text)}`);
}

const badIndent = thrownBy("a:\n  b: 1\n c: 2\n");
const source = { absoluteRef: "/tmp/spec.yaml", body: "", mimeType: "" } as unknown as ConstructorParameters<
  typeof YamlParseError
>[1];

describe("yamlErrorPlace: one place and reason for every YAML error we report", () => {
  it.each([
    ["js-yaml's own error (marks from 0)", badIndent, "at line 3, column 2: bad indentation of a mapping entry"],
    [
      "Redocly's YamlParseError around it",
      new YamlParseError(badIndent as Error, source),
      "at line 3, column 2: bad indentation of a mapping entry",
    ],
    ["an error of another kind: its first line", new Error("no such file\nsecond line"), "(no such file)"],
    ["a thrown non-error", "odd", "(odd)"],
  ])("%s", (_given, error, want) => {
    expect(yamlErrorPlace(error)).toBe(want);
  });
});
