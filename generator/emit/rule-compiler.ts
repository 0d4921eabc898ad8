import { unescapeSegment } from "../runtime/pointer.js";
import type { JsonType, Rule, RuleRef } from "../runtime/rules.js";

const JSON_TYPES: ReadonlySet<string> = new Set(["string", "number", "integer", "boolean", "null", "array", "object"]);

type Schema = Readonly<Record<string, unknown>>;

function isSchemaObject(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A finite number, or undefined (a keyword of another form is not checked). */
function finite(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** A spec pattern JavaScript cannot compile (another regex dialect) is not checked, not a crash. */
function compilablePattern(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  try {
    new RegExp(value, "u");
    return value;
  } catch {
    return undefined;
  }
}

/** The JSON types a schema admits, `nullable` (3.0) folded in; undefined when it names none we know. */
function typesOf(s: Schema): JsonType[] | undefined {
  const declared = Array.isArray(s.type) ? s.type : typeof s.type === "string" ? [s.type] : [];
  const types = [...new Set([...declared.map(String), ...(s.nullable === true ? ["null"] : [])])];
  const known = types.filter((t): t is JsonType => JSON_TYPES.has(t));
  return declared.length === 0 || known.length === 0 ? undefined : known;
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

/** A rule's keys in a fixed order, undefined ones left out: the same schema always prints the same. */
function defined(rule: Record<string, unknown>): Rule {
  return Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined)) as Rule;
}

/**
 * Reduces JSON Schemas (the OpenAPI 3.0/3.1 subset clients meet) to the rules the runtime's
 * `checkValue` applies (runtime/rules.ts), at generate time. A `$ref` to a component becomes the
 * component's name; each component reached is reduced once, in the order first reached, so
 * only reachable ones are emitted and recursion terminates. Annotations and keywords outside
 * the subset (discriminator, not, if/then/else, dependent*, prefixItems, patternProperties…)
 * are left out; they only ever make a check more lenient.
 */
export class RuleCompiler {
  private readonly reached = new Map<string, RuleRef>();
  private taken = 0;

  constructor(private readonly componentSchemas: Readonly<Record<string, unknown>>) {}

  /** The rule of `schema`: a component's name, a boolean (`true` allows anything) or an inline rule. */
  ref(schema: unknown): RuleRef {
    if (schema === false) return false;
    if (!isSchemaObject(schema)) return true;
    const rule = this.rule(schema);
    const keys = Object.keys(rule);
    if (keys.length === 1 && rule.$ref !== undefined) return rule.$ref;
    // `allOf` of one schema and nothing beside it checks what that schema checks (specs write it
    // to put a description beside a `$ref`): that schema's rule, no wrapper.
    if (keys.length === 1 && rule.allOf?.length === 1) return rule.allOf[0]!;
    return rule;
  }

  /** The components reached since the last call, in the order first reached. */
  takeComponents(): [string, RuleRef][] {
    const all = [...this.reached];
    const fresh = all.slice(this.taken);
    this.taken = all.length;
    return fresh;
  }

  private component(ref: string): string {
    const key = unescapeSegment(decodeURIComponent(ref.replace(/^#\/components\/schemas\//, "")));
    if (this.reached.has(key)) return key;
    // Claimed before it is reduced, so a component that refers to itself ends here.
    this.reached.set(key, {});
    const schema = Object.hasOwn(this.componentSchemas, key) ? this.componentSchemas[key] : undefined;
    this.reached.set(key, this.ref(schema));
    return key;
  }

  private list(value: unknown, nonEmpty: boolean): RuleRef[] | undefined {
    if (!Array.isArray(value) || (nonEmpty && value.length === 0)) return undefined;
    return value.map((sub) => this.ref(sub));
  }

  private rule(s: Schema): Rule {
    const properties = isSchemaObject(s.properties) ? Object.entries(s.properties) : [];
    const additional = s.additionalProperties;
    return defined({
      $ref: typeof s.$ref === "string" ? this.component(s.$ref) : undefined,
      type: typesOf(s),
      ...("const" in s ? { const: s.const } : {}),
      enum: Array.isArray(s.enum) ? s.enum : undefined,
      minLength: finite(s.minLength),
      maxLength: finite(s.maxLength),
      pattern: compilablePattern(s.pattern),
      format: typeof s.format === "string" ? s.format : undefined,
      minimum: finite(s.minimum),
      maximum: finite(s.maximum),
      exclusiveMinimum: s.exclusiveMinimum === true ? true : finite(s.exclusiveMinimum),
      exclusiveMaximum: s.exclusiveMaximum === true ? true : finite(s.exclusiveMaximum),
      multipleOf: (finite(s.multipleOf) ?? 0) > 0 ? s.multipleOf : undefined,
      items: isSchemaObject(s.items) ? this.ref(s.items) : undefined,
      minItems: finite(s.minItems),
      maxItems: finite(s.maxItems),
      uniqueItems: s.uniqueItems === true ? true : undefined,
      required: nonEmpty(Array.isArray(s.required) ? s.required.filter((k) => typeof k === "string") : []),
      // fromEntries defines own properties, so a `__proto__` key stays a key.
      properties:
        properties.length > 0 ? Object.fromEntries(properties.map(([key, sub]) => [key, this.ref(sub)])) : undefined,
      additionalProperties:
        additional === false ? false : isSchemaObject(additional) ? this.ref(additional) : undefined,
      minProperties: finite(s.minProperties),
      maxProperties: finite(s.maxProperties),
      allOf: this.list(s.allOf, false),
      anyOf: this.list(s.anyOf, true),
      oneOf: this.list(s.oneOf, true),
    });
  }
}
