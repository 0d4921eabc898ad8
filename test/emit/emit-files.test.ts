import { type StatementStructures, StructureKind, VariableDeclarationKind } from "ts-morph";
import { describe, expect, it } from "vitest";
import { createEmitProject, printFile } from "../../generator/emit/emit-files.js";

// Multi-line text the emitters lay out themselves comes out as written, at its statement's
// indentation: ts-morph's hanging indent (one or two levels, by node kind) is undone and no
// formatter runs.
const CASES: readonly { readonly name: string; readonly given: StatementStructures | string; readonly want: string }[] =
  [
    {
      name: "a multi-line initializer",
      given: {
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        declarations: [{ name: "spec", type: "Spec", initializer: '{\n  id: "a",\n  list: [\n    1,\n  ],\n}' }],
      },
      want: 'export const spec: Spec = {\n  id: "a",\n  list: [\n    1,\n  ],\n};\n',
    },
    {
      name: "a union alias starting on the next line, with a nested object member",
      given: {
        kind: StructureKind.TypeAlias,
        isExported: true,
        name: "Result",
        type: "\n  | A\n  | {\n    readonly ok: true;\n  }",
      },
      want: "export type Result =\n  | A\n  | {\n    readonly ok: true;\n  };\n",
    },
    {
      name: "an interface property's union and a method's multi-line return type",
      given: {
        kind: StructureKind.Interface,
        name: "Client",
        properties: [{ name: "get", isReadonly: true, type: '\n  | readonly []\n  | readonly ["key"]' }],
        methods: [{ name: "all", returnType: "Promise<\n  Item,\n  Id\n>" }],
      },
      want: 'interface Client {\n  readonly get:\n    | readonly []\n    | readonly ["key"];\n  all(): Promise<\n    Item,\n    Id\n  >;\n}\n',
    },
    {
      name: "a function body written as text, blank lines kept without trailing spaces",
      given: {
        kind: StructureKind.Function,
        name: "make",
        statements: ["const a = {\n  b: 1,\n};", "", "return a;"],
      },
      want: "function make() {\n  const a = {\n    b: 1,\n  };\n\n  return a;\n}\n",
    },
    {
      name: "a JSDoc line inside laid-out text keeps its space before the star",
      given: {
        kind: StructureKind.TypeAlias,
        name: "Paged",
        type: "{\n  /**\n   * Every page.\n   */\n  pages(): void;\n}",
      },
      want: "type Paged = {\n  /**\n   * Every page.\n   */\n  pages(): void;\n};\n",
    },
  ];

describe("printFile", () => {
  it.each(CASES)("$name", ({ given, want }) => {
    expect(printFile(createEmitProject(), [given], "")).toBe(want);
  });

  it("puts the header first", () => {
    expect(printFile(createEmitProject(), ["const a = 1;"], "// header\n")).toBe("// header\nconst a = 1;\n");
  });
});
