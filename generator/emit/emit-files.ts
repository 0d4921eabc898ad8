import { IndentationText, Project, QuoteKind, type SourceFileStructure } from "ts-morph";

type Statements = NonNullable<SourceFileStructure["statements"]>;

/** One in-memory ts-morph Project per run; each file built from Structures in one call. */
export function createEmitProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
  });
}

/**
 * Starts each continuation line of a type or initializer the emitters laid out themselves.
 * ts-morph writes such text with a hanging indent (one or two levels, by the kind of node);
 * the mark lets `restoreLayout` put every line back at the statement's own indentation plus
 * the text's. It is a control character, which no spec string can put at the start of a line:
 * literals are JSON-escaped and comment lines start with ` * `.
 */
const CONTINUATION = "\u0001";

/** The Structure fields whose text ts-morph writes with a hanging indent. */
const LAID_OUT_FIELDS = new Set(["initializer", "type", "returnType"]);

function markContinuations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(markContinuations);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      LAID_OUT_FIELDS.has(key) && typeof field === "string"
        ? field.replaceAll("\n", `\n${CONTINUATION}`)
        : markContinuations(field),
    ]),
  );
}

/** Each marked line at the indentation of the line its text started on, plus its own; no trailing spaces. */
function restoreLayout(text: string): string {
  let base = "";
  return text
    .split("\n")
    .map((line) => {
      const mark = line.indexOf(CONTINUATION);
      if (mark === -1 || line.slice(0, mark).trim() !== "") {
        base = /^ */.exec(line)![0];
        return line.trimEnd();
      }
      const rest = line.slice(mark + 1).trimEnd();
      return rest === "" ? "" : base + rest;
    })
    .join("\n");
}

/**
 * ts-morph's printer of a whole file's Structures. ts-morph has no public way to print
 * Structures without also parsing the text into a source file, which the generator never reads
 * (on GitHub's spec the parse took a second). Pinned ts-morph version; test/emit/emit-files.test.ts
 * fails if this internal changes shape.
 */
interface StructurePrinting {
  readonly _context: {
    readonly structurePrinterFactory: {
      forSourceFile(options: { isAmbient: boolean }): {
        printText(writer: ReturnType<Project["createWriter"]>, structure: { statements: Statements }): void;
      };
    };
  };
}

/**
 * Prints one file from its Structures. The emitters lay out every multi-line text themselves
 * (one member or property per line, two spaces a level), so no formatter pass runs: on a large
 * spec ts-morph's `formatText` was most of the client's emit time.
 */
export function printFile(project: Project, statements: Statements, header: string): string {
  const writer = project.createWriter();
  const printer = (project as unknown as StructurePrinting)._context.structurePrinterFactory.forSourceFile({
    isAmbient: false,
  });
  printer.printText(writer, { statements: markContinuations(statements) as Statements });
  return header + restoreLayout(writer.toString());
}
