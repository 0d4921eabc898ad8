import { IndentationText, Project, QuoteKind, type SourceFileStructure, ts } from "ts-morph";

/** One in-memory ts-morph Project per run; each file built from Structures in one call, formatted once. */
export function createEmitProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
  });
}

export function printFile(
  project: Project,
  path: string,
  statements: NonNullable<SourceFileStructure["statements"]>,
  header: string,
): string {
  const file = project.createSourceFile(path, { statements }, { overwrite: true });
  file.formatText({ indentSize: 2, convertTabsToSpaces: true, semicolons: ts.SemicolonPreference.Insert });
  const text = header + file.getFullText();
  project.removeSourceFile(file);
  return text;
}
