import { unescapeSegment } from "../runtime/pointer.js";
import { jsDoc } from "./comment.js";
import { Code, LINE_WIDTH, literal } from "./literal.js";

/** What validators.gen.ts imports from the runtime: no generated name may be one of them. */
export const VALIDATOR_IMPORTS: readonly string[] = [
  "checkFormat",
  "checkObject",
  "isRecord",
  "passes",
  "segment",
  "typeName",
  "Issue",
  "RequestArgs",
];

/**
 * Names no validator or constant may take: JavaScript's reserved words (modules are strict, so
 * `eval` and `arguments` too) and TypeScript's type keywords; the globals the emitted code uses
 * (a module-level `Set` or `undefined` would replace them); and its parameters and locals, which
 * would hide a module-level function of the same name inside every validator.
 */
const RESERVED: ReadonlySet<string> = new Set(
  [
    "await break case catch class const continue debugger default delete do else enum export extends false finally",
    "for function if implements import in instanceof interface let new null package private protected public return",
    "static super switch this throw true try typeof var void while with yield eval arguments",
    "any bigint boolean never number object string symbol unknown undefined NaN Infinity globalThis",
    "Array Boolean JSON Number Object Record RegExp Set",
    "value pointer issues open args status body item i branch length path query header cookie",
    "_value _pointer _issues _open _args _status _body",
  ]
    .join(" ")
    .split(" "),
);

/**
 * The one source of names in validators.gen.ts. Each is an identifier made from the text it is
 * named after (other characters become `_`), never reserved, imported or taken before: a clash
 * gets `_2`, `_3`… Names depend only on the order of the claims, which the emitters keep stable.
 */
export class NameRegistry {
  private readonly taken: Set<string>;

  constructor(reserved: Iterable<string> = []) {
    this.taken = new Set([...RESERVED, ...VALIDATOR_IMPORTS, ...reserved]);
  }

  claim(raw: string): string {
    const clean = raw.replace(/[^A-Za-z0-9_]/g, "_");
    const base = /^[A-Za-z_]/.test(clean) ? clean : `_${clean}`;
    let name = base;
    for (let i = 2; this.taken.has(name); i++) name = `${base}_${i}`;
    this.taken.add(name);
    return name;
  }
}

/** Whether `line`, indented by `depth` levels of two spaces, fits in LINE_WIDTH. */
export function fits(line: string, depth: number): boolean {
  return 2 * depth + line.length <= LINE_WIDTH;
}

/**
 * `if (condition) statement` on one line when it fits, else with the statement in a block, and
 * the condition on a line of its own when even `if (condition) {` is too long.
 */
export function guarded(condition: string, statement: string, depth: number): string[] {
  const line = `if (${condition}) ${statement}`;
  if (fits(line, depth)) return [line];
  const head = `if (${condition}) {`;
  return fits(head, depth) ? [head, statement, "}"] : ["if (", condition, ") {", statement, "}"];
}

/**
 * A call statement on one line when it fits; else one line per group of arguments, and one per
 * argument for a group that is too long even so.
 */
export function call(callee: string, groups: readonly (readonly string[])[], depth: number): string[] {
  const line = `${callee}(${groups.flat().join(", ")});`;
  if (fits(line, depth)) return [line];
  const args = groups.flatMap((group) => {
    const joined = `${group.join(", ")},`;
    return fits(joined, depth + 1) ? [joined] : group.map((arg) => `${arg},`);
  });
  return [`${callee}(`, ...args, ");"];
}

/** What a validator passes on to another for the same value. */
const VALIDATOR_ARGS = ["value", "pointer", "issues", "open"];

/**
 * A whole JSDoc comment of one sentence, broken between words into lines that fit (at the top
 * level of the file); the text goes through jsDoc, the one escaping path for spec text.
 */
export function docComment(text: string): string {
  if (`/** ${text} */`.length <= LINE_WIDTH) return jsDoc(text);
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && ` * ${lines[last]} ${word}`.length <= LINE_WIDTH) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  // Text that fits a block line but not `/** … */` still needs two lines for jsDoc to make a block.
  const only = lines.length === 1 ? lines[0]!.lastIndexOf(" ") : -1;
  if (only > 0) lines.splice(0, 1, lines[0]!.slice(0, only), lines[0]!.slice(only + 1));
  return jsDoc(lines.join("\n"));
}

/** The function a validator is emitted into: its name, and the constants it owns (emitted just before it). */
interface Owner {
  readonly name: string;
  readonly constants: string[];
}

/** JavaScript's view of a JSON type: the checks that follow a type test are grouped by it. */
type Category = "string" | "number" | "boolean" | "null" | "array" | "object";

/** Each JSON type's test (a type guard, so TypeScript narrows after it) and its category. */
const TYPE_TESTS: Readonly<Record<string, { readonly test: string; readonly category: Category }>> = {
  string: { test: `typeof value === "string"`, category: "string" },
  number: { test: `typeof value === "number" && Number.isFinite(value)`, category: "number" },
  integer: { test: `typeof value === "number" && Number.isInteger(value)`, category: "number" },
  boolean: { test: `typeof value === "boolean"`, category: "boolean" },
  null: { test: `value === null`, category: "null" },
  array: { test: `Array.isArray(value)`, category: "array" },
  object: { test: `isRecord(value)`, category: "object" },
};

/** A type test that fails, for one JSON type alone (the form a reader expects). */
const NEGATED: Readonly<Record<string, string>> = {
  string: `typeof value !== "string"`,
  boolean: `typeof value !== "boolean"`,
  null: `value !== null`,
  array: `!Array.isArray(value)`,
  object: `!isRecord(value)`,
};

/** The test that guards a category's checks when the type test admits more than that category. */
const CATEGORY_TESTS: Readonly<Record<"string" | "number" | "array" | "object", string>> = {
  string: `typeof value === "string"`,
  number: `typeof value === "number"`,
  array: `Array.isArray(value)`,
  object: `isRecord(value)`,
};

/** The category of a `const` value (objects and arrays are compared as JSON, whatever the type test). */
function categoryOf(value: unknown): Category | undefined {
  if (value === null) return "null";
  if (typeof value === "string") return "string";
  if (typeof value === "number") return "number";
  return typeof value === "boolean" ? "boolean" : undefined;
}

/**
 * Compiles JSON Schemas (the OpenAPI 3.0/3.1 subset clients meet) into TypeScript validator
 * functions at generate time, so nothing is compiled at run time. Each schema becomes one
 * function `(value, pointer, issues, open) => void`; component schemas are compiled once, on
 * first use, so only reachable ones are emitted and recursion terminates. `open` makes string
 * enums accept unknown values (responses are forward-compatible). Keywords outside the subset
 * (discriminator, not, if/then/else, dependent*, prefixItems, patternProperties…) are not
 * checked; they only ever make validation more lenient.
 *
 * A component's validator is named after the component; an inline schema's after where it is
 * first met (`Payment_amount`, `X_item`, `X_value`, `X_anyOf1`, or the caller's name for a
 * root); a constant after the function that owns it (`X_values`, `X_pattern`, `X_branches`).
 */
export class SchemaCompiler {
  /** Constants and functions in emission order: a function's constants just before it. */
  private readonly units: string[] = [];
  private readonly components = new Map<string, string>();
  /**
   * Structurally equal inline schemas share one function, named after the first place it was
   * met (which keeps the file small; the other places call it under that name).
   */
  private readonly inline = new Map<string, string>();
  private readonly helpers = new Set<string>();
  private readonly names: NameRegistry;

  /** `reserved`: names the caller emits beside these (the operation-level validators). */
  constructor(
    private readonly componentSchemas: Readonly<Record<string, unknown>>,
    reserved: Iterable<string> = [],
  ) {
    this.names = new NameRegistry(reserved);
  }

  /** Runtime helpers the emitted code calls (to import from the runtime). */
  get usedHelpers(): string[] {
    return [...this.helpers].sort();
  }

  /** Constants and functions, in a stable order. */
  get statements(): string[] {
    return [...this.units];
  }

  /**
   * Name of the validator function for `schema`; `name` is what it is called if it is an
   * inline schema met for the first time (a component keeps its own name).
   */
  compile(raw: unknown, name: string): string {
    const schema = validationOnly(raw);
    const ref = typeof schema === "object" && schema !== null ? (schema as { $ref?: unknown }).$ref : undefined;
    if (typeof ref === "string" && Object.keys(schema as object).length === 1) return this.component(ref);
    // `allOf` of one schema and nothing beside it checks exactly what that schema checks (specs
    // write it to put a description beside a `$ref`): no wrapper function that only calls it.
    const allOf = typeof schema === "object" && schema !== null ? (schema as { allOf?: unknown }).allOf : undefined;
    if (Array.isArray(allOf) && allOf.length === 1 && Object.keys(schema as object).length === 1)
      return this.compile(allOf[0], name);
    const key = JSON.stringify(schema) ?? "undefined";
    const known = this.inline.get(key);
    if (known !== undefined) return known;
    const claimed = this.names.claim(name);
    this.inline.set(key, claimed);
    this.emit(claimed, schema);
    return claimed;
  }

  private component(ref: string): string {
    const key = unescapeSegment(decodeURIComponent(ref.replace(/^#\/components\/schemas\//, "")));
    const existing = this.components.get(key);
    if (existing !== undefined) return existing;
    const name = this.names.claim(key);
    this.components.set(key, name);
    const schema = key in this.componentSchemas ? this.componentSchemas[key] : {};
    this.emit(name, schema, docComment(`Checks a value against the \`${key}\` schema.`));
    return name;
  }

  /** A constant of `owner`, named `<owner>_<suffix>`, printed to fit the line width. */
  private constant(owner: Owner, suffix: string, value: unknown, type = ""): string {
    const name = this.names.claim(`${owner.name}_${suffix}`);
    const head = `const ${name}${type} = `;
    owner.constants.push(`${head}${literal(value, LINE_WIDTH - head.length - 1)};`);
    return name;
  }

  private issue(message: string): string {
    return `issues.push({ pointer, message: ${message} });`;
  }

  private emit(name: string, schema: unknown, doc?: string): void {
    const owner: Owner = { name, constants: [] };
    const body = this.body(schema, owner).join("\n");
    // Unused parameters get a leading underscore (noUnusedParameters); strings are not code.
    const code = body.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    const param = (id: string, type: string) => `${new RegExp(`\\b${id}\\b`).test(code) ? id : `_${id}`}: ${type}`;
    const params = [
      param("value", "unknown"),
      param("pointer", "string"),
      param("issues", "Issue[]"),
      param("open", "boolean"),
    ].join(", ");
    const oneLine = `export function ${name}(${params}): void {`;
    const signature = fits(oneLine, 0) ? oneLine : `export function ${name}(\n${params},\n): void {`;
    const fn = [...(doc === undefined ? [] : [doc]), signature, ...(body === "" ? [] : [body]), "}"].join("\n");
    this.units.push(...owner.constants, fn);
  }

  private body(schema: unknown, owner: Owner): string[] {
    if (schema === false) return [this.issue(`"is not allowed here"`)];
    if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return [];
    const s = schema as Record<string, unknown>;
    // A `$ref` beside other keywords is checked first, whatever the type test says.
    const before = typeof s.$ref === "string" ? call(this.component(s.$ref), [VALIDATOR_ARGS], 1) : [];
    const lines: string[] = [];
    const typeTest = this.typeCheck(s);
    const admitted = typeTest?.admitted;
    lines.push(...this.valueChecks(s, owner, admitted));
    // After a type test that returned early, TypeScript has narrowed `value`: a category the
    // test admits alone needs no second test, one it refuses has nothing left to check.
    const alone = admitted?.size === 1;
    const depth = alone ? 1 : 2;
    const grouped = [
      ["string", () => this.stringChecks(s, owner, depth)],
      ["number", () => this.numberChecks(s, depth)],
      ["array", () => this.arrayChecks(s, owner, depth)],
      ["object", () => this.objectChecks(s, owner, depth)],
    ] as const;
    for (const [category, checks] of grouped) {
      if (admitted !== undefined && !admitted.has(category)) continue;
      const inner = checks();
      if (inner.length === 0) continue;
      if (alone) lines.push(...inner);
      else {
        if (category === "object") this.helpers.add("isRecord");
        lines.push(`if (${CATEGORY_TESTS[category]}) {`, ...inner, "}");
      }
    }
    lines.push(...this.combinators(s, owner));
    if (typeTest === undefined) return [...before, ...lines];
    // The failed type test returns early only when checks follow it.
    const { failed, issue } = typeTest;
    const test = lines.length === 0 ? guarded(failed, issue, 1) : [`if (${failed}) {`, issue, "return;", "}"];
    return [...before, ...test, ...lines];
  }

  /** The type test (its failing condition and issue) and the categories it admits; undefined: no test. */
  private typeCheck(
    s: Record<string, unknown>,
  ): { failed: string; issue: string; admitted: ReadonlySet<Category> } | undefined {
    const declared = Array.isArray(s.type) ? s.type : typeof s.type === "string" ? [s.type] : [];
    if (declared.length === 0) return undefined;
    const types = [...new Set([...declared.map(String), ...(s.nullable === true ? ["null"] : [])])];
    const known = types.filter((t) => t in TYPE_TESTS);
    if (known.length === 0) return undefined;
    if (known.includes("object")) this.helpers.add("isRecord");
    this.helpers.add("typeName");
    const tests = known.map((t) => TYPE_TESTS[t]!.test);
    const only = known.length === 1 ? known[0]! : undefined;
    const failed =
      only === undefined
        ? `!(${tests.map((t) => (t.includes(" && ") ? `(${t})` : t)).join(" || ")})`
        : (NEGATED[only] ?? `!(${tests[0]})`);
    const issue = this.issue(`"must be ${known.join(" or ")}, not " + typeName(value)`);
    return { failed, issue, admitted: new Set(known.map((t) => TYPE_TESTS[t]!.category)) };
  }

  private valueChecks(s: Record<string, unknown>, owner: Owner, admitted: ReadonlySet<Category> | undefined): string[] {
    const lines: string[] = [];
    if ("const" in s) {
      const expected = JSON.stringify(s.const);
      const message = this.issue(JSON.stringify(`must be ${expected}`));
      const category = categoryOf(s.const);
      if (category === undefined)
        lines.push(...guarded(`JSON.stringify(value) !== ${JSON.stringify(expected)}`, message, 1));
      // A value the type test let through cannot equal a const of another type (and TypeScript
      // refuses the comparison of a narrowed `value` with it).
      else if (admitted !== undefined && !admitted.has(category)) lines.push(message);
      else lines.push(...guarded(`value !== ${expected}`, message, 1));
    }
    if (Array.isArray(s.enum)) {
      // An array, not a Set: as short to search for an enum's few values, and printed as a plain
      // literal (indentCode would indent the entries of `new Set([` two levels).
      const values = this.constant(owner, "values", s.enum, ": readonly unknown[]");
      const stringEnum = s.enum.some((v) => typeof v === "string");
      const shown = s.enum.map((v) => JSON.stringify(v)).join(", ");
      // A string value a provider added later is accepted when `open` (responses); what the type
      // test already decided about strings is not tested again.
      const skip =
        !stringEnum || (admitted !== undefined && !admitted.has("string"))
          ? ""
          : admitted?.size === 1
            ? "!open && "
            : `!(open && typeof value === "string") && `;
      const message = JSON.stringify(`must be one of ${shown.length > 200 ? `${shown.slice(0, 197)}...` : shown}`);
      lines.push(...guarded(`${skip}!${values}.includes(value)`, this.issue(message), 1));
    }
    return lines;
  }

  private stringChecks(s: Record<string, unknown>, owner: Owner, depth: number): string[] {
    const checks: string[] = [];
    const both = typeof s.minLength === "number" && typeof s.maxLength === "number";
    // Counted in code points, once.
    if (both) checks.push("const length = [...value].length;");
    const length = both ? "length" : "[...value].length";
    if (typeof s.minLength === "number")
      checks.push(
        ...guarded(
          `${length} < ${s.minLength}`,
          this.issue(`"must have at least ${s.minLength} characters (minLength)"`),
          depth,
        ),
      );
    if (typeof s.maxLength === "number")
      checks.push(
        ...guarded(
          `${length} > ${s.maxLength}`,
          this.issue(`"must have at most ${s.maxLength} characters (maxLength)"`),
          depth,
        ),
      );
    if (typeof s.pattern === "string" && isValidPattern(s.pattern)) {
      const re = this.constant(owner, "pattern", new Code(`new RegExp(${JSON.stringify(s.pattern)}, "u")`));
      checks.push(
        ...guarded(`!${re}.test(value)`, this.issue(JSON.stringify(`must match the pattern ${s.pattern}`)), depth),
      );
    }
    if (typeof s.format === "string") {
      this.helpers.add("checkFormat");
      checks.push(
        ...guarded(
          `!checkFormat(${JSON.stringify(s.format)}, value)`,
          this.issue(JSON.stringify(`must be a valid ${s.format}`)),
          depth,
        ),
      );
    }
    return checks;
  }

  private numberChecks(s: Record<string, unknown>, depth: number): string[] {
    const checks: string[] = [];
    const bound = (key: string, op: string, words: string) => {
      const limit = s[key];
      if (typeof limit === "number")
        checks.push(...guarded(`value ${op} ${limit}`, this.issue(`"must be ${words} ${limit} (${key})"`), depth));
    };
    // OpenAPI 3.0 writes exclusiveMinimum: true beside minimum; 3.1 writes the bound itself.
    bound(
      "minimum",
      s.exclusiveMinimum === true ? "<=" : "<",
      s.exclusiveMinimum === true ? "greater than" : "at least",
    );
    bound("maximum", s.exclusiveMaximum === true ? ">=" : ">", s.exclusiveMaximum === true ? "less than" : "at most");
    bound("exclusiveMinimum", "<=", "greater than");
    bound("exclusiveMaximum", ">=", "less than");
    if (typeof s.multipleOf === "number" && s.multipleOf > 0) {
      checks.push(
        ...guarded(
          `!Number.isInteger(value / ${s.multipleOf})`,
          this.issue(`"must be a multiple of ${s.multipleOf}"`),
          depth,
        ),
      );
    }
    return checks;
  }

  private arrayChecks(s: Record<string, unknown>, owner: Owner, depth: number): string[] {
    const checks: string[] = [];
    if (typeof s.minItems === "number")
      checks.push(
        ...guarded(
          `value.length < ${s.minItems}`,
          this.issue(`"must have at least ${s.minItems} items (minItems)"`),
          depth,
        ),
      );
    if (typeof s.maxItems === "number")
      checks.push(
        ...guarded(
          `value.length > ${s.maxItems}`,
          this.issue(`"must have at most ${s.maxItems} items (maxItems)"`),
          depth,
        ),
      );
    if (s.uniqueItems === true) {
      checks.push(
        ...guarded(
          "new Set(value.map((item) => JSON.stringify(item))).size !== value.length",
          this.issue(`"must not repeat items (uniqueItems)"`),
          depth,
        ),
      );
    }
    if (s.items !== undefined && typeof s.items === "object" && !Array.isArray(s.items)) {
      this.helpers.add("segment");
      const item = this.compile(s.items, `${owner.name}_item`);
      const line = `value.forEach((item, i) => ${item}(item, pointer + segment(i), issues, open));`;
      if (fits(line, depth)) checks.push(line);
      else {
        // The call on its own line: an argument of forEach (indented one level), so `,` not `;`.
        const each = call(item, [["item", "pointer + segment(i)", "issues", "open"]], depth + 1);
        checks.push("value.forEach((item, i) =>", ...each.slice(0, -1), `${each.at(-1)!.slice(0, -1)},`, ");");
      }
    }
    return checks;
  }

  /**
   * Required keys, known properties and additionalProperties go to one runtime call with
   * tables (a constant each, built once), far smaller than a statement per property.
   */
  private objectChecks(s: Record<string, unknown>, owner: Owner, depth: number): string[] {
    const checks: string[] = [];
    const properties =
      typeof s.properties === "object" && s.properties !== null ? (s.properties as Record<string, unknown>) : {};
    const required = Array.isArray(s.required) ? s.required.filter((k): k is string => typeof k === "string") : [];
    // fromEntries defines own properties, so a `__proto__` key stays a key (printed as computed).
    const table = Object.fromEntries(
      Object.entries(properties).map(([key, sub]) => [key, new Code(this.compile(sub, `${owner.name}_${key}`))]),
    );
    const additional = s.additionalProperties;
    const rest =
      additional === false
        ? "false"
        : typeof additional === "object" && additional !== null
          ? this.compile(additional, `${owner.name}_value`)
          : "undefined";
    const hasTable = Object.keys(table).length > 0;
    if (required.length > 0 || hasTable || rest !== "undefined") {
      this.helpers.add("checkObject");
      const requiredList = required.length > 0 ? this.constant(owner, "required", required) : "[]";
      const propertyTable = hasTable ? this.constant(owner, "properties", table) : "{}";
      checks.push(...call("checkObject", [VALIDATOR_ARGS, [requiredList, propertyTable, rest]], depth));
    }
    if (typeof s.minProperties === "number")
      checks.push(
        ...guarded(
          `Object.keys(value).length < ${s.minProperties}`,
          this.issue(`"must have at least ${s.minProperties} properties (minProperties)"`),
          depth,
        ),
      );
    if (typeof s.maxProperties === "number")
      checks.push(
        ...guarded(
          `Object.keys(value).length > ${s.maxProperties}`,
          this.issue(`"must have at most ${s.maxProperties} properties (maxProperties)"`),
          depth,
        ),
      );
    return checks;
  }

  private combinators(s: Record<string, unknown>, owner: Owner): string[] {
    const lines: string[] = [];
    if (Array.isArray(s.allOf)) {
      s.allOf.forEach((sub, i) => {
        lines.push(...call(this.compile(sub, `${owner.name}_allOf${i + 1}`), [VALIDATOR_ARGS], 1));
      });
    }
    for (const key of ["anyOf", "oneOf"] as const) {
      const branches = s[key];
      if (!Array.isArray(branches) || branches.length === 0) continue;
      this.helpers.add("passes");
      const names = branches.map((b, i) => new Code(this.compile(b, `${owner.name}_${key}${i + 1}`)));
      const list = this.constant(owner, "branches", names);
      lines.push(
        ...(key === "anyOf"
          ? guarded(
              `!${list}.some((branch) => passes(branch, value, pointer, open))`,
              this.issue(`"must match at least one of its anyOf schemas"`),
              1,
            )
          : guarded(
              `${list}.filter((branch) => passes(branch, value, pointer, open)).length !== 1`,
              this.issue(`"must match exactly one of its oneOf schemas"`),
              1,
            )),
      );
    }
    return lines;
  }
}

/** Keywords that document but do not constrain: left out, so equal constraints share one function. */
const ANNOTATIONS = new Set([
  "title",
  "description",
  "summary",
  "example",
  "examples",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
  "externalDocs",
  "xml",
  "discriminator",
  "$comment",
  "contentMediaType",
  "contentEncoding",
]);

const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);
const SCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);

/** The schema and its sub-schemas without annotations (property names are kept whatever they are). */
function validationOnly(schema: unknown): unknown {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return schema;
  const kept = Object.entries(schema)
    .filter(([key]) => !ANNOTATIONS.has(key) && !key.startsWith("x-"))
    .map(([key, value]): [string, unknown] => {
      if (SCHEMA_MAPS.has(key) && typeof value === "object" && value !== null) {
        return [key, Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, validationOnly(sub)]))];
      }
      if (SCHEMA_LISTS.has(key) && Array.isArray(value)) return [key, value.map(validationOnly)];
      if (key === "items" || key === "additionalProperties" || key === "not" || key === "contains")
        return [key, validationOnly(value)];
      return [key, value];
    });
  return Object.fromEntries(kept);
}

/** A spec pattern JavaScript cannot compile (another regex dialect) is skipped, not a crash. */
function isValidPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}
