import { unescapeSegment } from "../runtime/pointer.js";
import { propertyKey } from "./literal.js";

/**
 * Compiles JSON Schemas (the OpenAPI 3.0/3.1 subset clients meet) into TypeScript validator
 * functions at generate time, so nothing is compiled at run time. Each schema becomes one
 * function `(value, pointer, issues, open) => void`; component schemas are compiled once, on
 * first use, so only reachable ones are emitted and recursion terminates. `open` makes string
 * enums accept unknown values (responses are forward-compatible). Keywords outside the subset
 * (discriminator, not, if/then/else, dependent*, prefixItems, patternProperties…) are not
 * checked; they only ever make validation more lenient.
 */
export class SchemaCompiler {
  private readonly functions: string[] = [];
  private readonly constants: string[] = [];
  private readonly components = new Map<string, string>();
  /** Structurally equal inline schemas share one function. */
  private readonly inline = new Map<string, string>();
  private readonly helpers = new Set<string>();
  private count = 0;

  constructor(private readonly componentSchemas: Readonly<Record<string, unknown>>) {}

  /** Runtime helpers the emitted code calls (to import from the runtime). */
  get usedHelpers(): string[] {
    return [...this.helpers].sort();
  }

  /** Constants and functions, in a stable order. */
  get statements(): string[] {
    return [...this.constants, ...this.functions];
  }

  /** Name of the validator function for `schema`. */
  compile(raw: unknown): string {
    const schema = validationOnly(raw);
    const ref = typeof schema === "object" && schema !== null ? (schema as { $ref?: unknown }).$ref : undefined;
    if (typeof ref === "string" && Object.keys(schema as object).length === 1) return this.component(ref);
    const key = JSON.stringify(schema) ?? "undefined";
    const known = this.inline.get(key);
    if (known !== undefined) return known;
    const name = `schema${++this.count}`;
    this.inline.set(key, name);
    this.functions.push(this.fn(name, schema));
    return name;
  }

  private component(ref: string): string {
    const key = unescapeSegment(decodeURIComponent(ref.replace(/^#\/components\/schemas\//, "")));
    const existing = this.components.get(key);
    if (existing !== undefined) return existing;
    const name = `schema_${key.replace(/[^A-Za-z0-9]/g, "_")}`;
    // Two names can sanitize alike ("a-b", "a_b"): the second gets a counter.
    const unique = [...this.components.values()].includes(name) ? `${name}_${++this.count}` : name;
    this.components.set(key, unique);
    this.functions.push(this.fn(unique, key in this.componentSchemas ? this.componentSchemas[key] : {}));
    return unique;
  }

  private constant(prefix: string, initializer: string): string {
    const name = `${prefix}${this.constants.length + 1}`;
    this.constants.push(`const ${name} = ${initializer};`);
    return name;
  }

  private issue(message: string): string {
    return `issues.push({ pointer, message: ${message} });`;
  }

  private fn(name: string, schema: unknown): string {
    const body = this.body(schema);
    // Unused parameters get a leading underscore (noUnusedParameters); strings are not code.
    const code = body.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    const param = (id: string, type: string) => `${new RegExp(`\\b${id}\\b`).test(code) ? id : `_${id}`}: ${type}`;
    return `export function ${name}(${param("value", "unknown")}, ${param("pointer", "string")}, ${param("issues", "Issue[]")}, ${param("open", "boolean")}): void {\n${body}\n}`;
  }

  private body(schema: unknown): string {
    if (schema === false) return this.issue(`"is not allowed here"`);
    if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return "";
    const s = schema as Record<string, unknown>;
    const lines: string[] = [];
    if (typeof s.$ref === "string") lines.push(`${this.component(s.$ref)}(value, pointer, issues, open);`);
    lines.push(...this.typeCheck(s), ...this.valueChecks(s), ...this.stringChecks(s), ...this.numberChecks(s));
    lines.push(...this.arrayChecks(s), ...this.objectChecks(s), ...this.combinators(s));
    return lines.join("\n");
  }

  private typeCheck(s: Record<string, unknown>): string[] {
    const declared = Array.isArray(s.type) ? s.type : typeof s.type === "string" ? [s.type] : [];
    if (declared.length === 0) return [];
    const types = [...new Set([...declared.map(String), ...(s.nullable === true ? ["null"] : [])])];
    const tests: Record<string, string> = {
      string: `typeof value === "string"`,
      number: `(typeof value === "number" && Number.isFinite(value))`,
      integer: `Number.isInteger(value)`,
      boolean: `typeof value === "boolean"`,
      null: `value === null`,
      array: `Array.isArray(value)`,
      object: `isRecord(value)`,
    };
    const known = types.filter((t) => t in tests);
    if (known.length === 0) return [];
    if (known.includes("object")) this.helpers.add("isRecord");
    this.helpers.add("typeName");
    return [
      `if (!(${known.map((t) => tests[t]).join(" || ")})) {`,
      this.issue(`"must be ${known.join(" or ")}, not " + typeName(value)`),
      "return;",
      "}",
    ];
  }

  private valueChecks(s: Record<string, unknown>): string[] {
    const lines: string[] = [];
    if ("const" in s) {
      const expected = JSON.stringify(s.const);
      lines.push(
        typeof s.const === "object" && s.const !== null
          ? `if (JSON.stringify(value) !== ${JSON.stringify(expected)}) ${this.issue(JSON.stringify(`must be ${expected}`))}`
          : `if (value !== ${expected}) ${this.issue(JSON.stringify(`must be ${expected}`))}`,
      );
    }
    if (Array.isArray(s.enum)) {
      const values = this.constant("allowed", `new Set<unknown>(${JSON.stringify(s.enum)})`);
      const stringEnum = s.enum.some((v) => typeof v === "string");
      const shown = s.enum.map((v) => JSON.stringify(v)).join(", ");
      // A string value a provider added later is accepted when `open` (responses).
      const skip = stringEnum ? `!(open && typeof value === "string") && ` : "";
      lines.push(
        `if (${skip}!${values}.has(value)) ${this.issue(JSON.stringify(`must be one of ${shown.length > 200 ? `${shown.slice(0, 197)}...` : shown}`))}`,
      );
    }
    return lines;
  }

  private stringChecks(s: Record<string, unknown>): string[] {
    const checks: string[] = [];
    if (typeof s.minLength === "number")
      checks.push(
        `if ([...value].length < ${s.minLength}) ${this.issue(`"must have at least ${s.minLength} characters (minLength)"`)}`,
      );
    if (typeof s.maxLength === "number")
      checks.push(
        `if ([...value].length > ${s.maxLength}) ${this.issue(`"must have at most ${s.maxLength} characters (maxLength)"`)}`,
      );
    if (typeof s.pattern === "string" && isValidPattern(s.pattern)) {
      const re = this.constant("pattern", `new RegExp(${JSON.stringify(s.pattern)}, "u")`);
      checks.push(`if (!${re}.test(value)) ${this.issue(JSON.stringify(`must match the pattern ${s.pattern}`))}`);
    }
    if (typeof s.format === "string") {
      this.helpers.add("checkFormat");
      checks.push(
        `if (!checkFormat(${JSON.stringify(s.format)}, value)) ${this.issue(JSON.stringify(`must be a valid ${s.format}`))}`,
      );
    }
    return checks.length === 0 ? [] : [`if (typeof value === "string") {`, ...checks, "}"];
  }

  private numberChecks(s: Record<string, unknown>): string[] {
    const checks: string[] = [];
    const bound = (key: string, op: string, words: string) => {
      const limit = s[key];
      if (typeof limit === "number")
        checks.push(`if (value ${op} ${limit}) ${this.issue(`"must be ${words} ${limit} (${key})"`)}`);
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
        `if (!Number.isInteger(value / ${s.multipleOf})) ${this.issue(`"must be a multiple of ${s.multipleOf}"`)}`,
      );
    }
    return checks.length === 0 ? [] : [`if (typeof value === "number") {`, ...checks, "}"];
  }

  private arrayChecks(s: Record<string, unknown>): string[] {
    const checks: string[] = [];
    if (typeof s.minItems === "number")
      checks.push(
        `if (value.length < ${s.minItems}) ${this.issue(`"must have at least ${s.minItems} items (minItems)"`)}`,
      );
    if (typeof s.maxItems === "number")
      checks.push(
        `if (value.length > ${s.maxItems}) ${this.issue(`"must have at most ${s.maxItems} items (maxItems)"`)}`,
      );
    if (s.uniqueItems === true) {
      checks.push(
        `if (new Set(value.map((item) => JSON.stringify(item))).size !== value.length) ${this.issue(`"must not repeat items (uniqueItems)"`)}`,
      );
    }
    if (s.items !== undefined && typeof s.items === "object" && !Array.isArray(s.items)) {
      this.helpers.add("segment");
      const item = this.compile(s.items);
      checks.push(`value.forEach((item, i) => ${item}(item, pointer + segment(i), issues, open));`);
    }
    return checks.length === 0 ? [] : [`if (Array.isArray(value)) {`, ...checks, "}"];
  }

  /**
   * Required keys, known properties and additionalProperties go to one runtime call with a
   * table ({ key: validator }), which is far smaller than a statement per property.
   */
  private objectChecks(s: Record<string, unknown>): string[] {
    const checks: string[] = [];
    const properties =
      typeof s.properties === "object" && s.properties !== null ? (s.properties as Record<string, unknown>) : {};
    const required = Array.isArray(s.required) ? s.required.filter((k): k is string => typeof k === "string") : [];
    const table = Object.entries(properties).map(([key, sub]) => `${propertyKey(key)}: ${this.compile(sub)}`);
    const additional = s.additionalProperties;
    const rest =
      additional === false
        ? "false"
        : typeof additional === "object" && additional !== null
          ? this.compile(additional)
          : "undefined";
    if (required.length > 0 || table.length > 0 || rest !== "undefined") {
      this.helpers.add("checkObject");
      checks.push(
        `checkObject(value, pointer, issues, open, ${JSON.stringify(required)}, { ${table.join(", ")} }, ${rest});`,
      );
    }
    if (typeof s.minProperties === "number")
      checks.push(
        `if (Object.keys(value).length < ${s.minProperties}) ${this.issue(`"must have at least ${s.minProperties} properties (minProperties)"`)}`,
      );
    if (typeof s.maxProperties === "number")
      checks.push(
        `if (Object.keys(value).length > ${s.maxProperties}) ${this.issue(`"must have at most ${s.maxProperties} properties (maxProperties)"`)}`,
      );
    if (checks.length === 0) return [];
    this.helpers.add("isRecord");
    return [`if (isRecord(value)) {`, ...checks, "}"];
  }

  private combinators(s: Record<string, unknown>): string[] {
    const lines: string[] = [];
    if (Array.isArray(s.allOf)) {
      for (const sub of s.allOf) lines.push(`${this.compile(sub)}(value, pointer, issues, open);`);
    }
    for (const key of ["anyOf", "oneOf"] as const) {
      const branches = s[key];
      if (!Array.isArray(branches) || branches.length === 0) continue;
      this.helpers.add("passes");
      const list = this.constant("branches", `[${branches.map((b) => this.compile(b)).join(", ")}]`);
      lines.push(
        key === "anyOf"
          ? `if (!${list}.some((branch) => passes(branch, value, pointer, open))) ${this.issue(`"must match at least one of its anyOf schemas"`)}`
          : `if (${list}.filter((branch) => passes(branch, value, pointer, open)).length !== 1) ${this.issue(`"must match exactly one of its oneOf schemas"`)}`,
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
