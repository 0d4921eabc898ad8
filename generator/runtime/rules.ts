/**
 * The checks behind a client's validators, as data: the generator reduces each JSON Schema a
 * call or an answer is checked against to a Rule (validators.gen.ts holds them), and the one
 * function here applies it. Data instead of one generated function per schema: a table of
 * literals costs a type checker and a bundler a fraction of the same checks written as code.
 */
import { isRecord } from "./records.js";
import type { RequestArgs } from "./types.js";
import { checkFormat, type Issue, segment, typeName } from "./validation.js";

/** The JSON types a rule can demand; `number` is a finite number, `integer` a whole one. */
export type JsonType = "string" | "number" | "integer" | "boolean" | "null" | "array" | "object";

/**
 * A schema as checked: a rule, the name of a component's rule in the same table, or a boolean
 * (as in JSON Schema: `true` allows anything, `false` nothing).
 */
export type RuleRef = Rule | string | boolean;

/**
 * The keywords of a JSON Schema (OpenAPI 3.0 and 3.1) a validator checks, with the forms the
 * generator keeps: `nullable` is folded into `type`, a keyword of the wrong form or a pattern
 * JavaScript cannot compile is left out. Keywords outside this subset only ever make a check
 * more lenient.
 */
export interface Rule {
  /** A component checked first, beside the other keywords. */
  readonly $ref?: string;
  /**
   * JsonType names. Typed `string`, as are the booleans below `boolean`: a literal under a key
   * such as `constructor` gets no contextual type from TypeScript, so it is widened.
   */
  readonly type?: readonly string[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  /** A number (3.1), or `true`: `minimum` itself is exclusive (3.0). */
  readonly exclusiveMinimum?: number | boolean;
  readonly exclusiveMaximum?: number | boolean;
  readonly multipleOf?: number;
  readonly items?: RuleRef;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, RuleRef>>;
  /** For properties not in `properties`; `false` refuses them. */
  readonly additionalProperties?: RuleRef;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly allOf?: readonly RuleRef[];
  readonly anyOf?: readonly RuleRef[];
  readonly oneOf?: readonly RuleRef[];
}

/** A generated table: the rule of each component schema a validator reaches, by the component's name. */
export type Rules = Readonly<Record<string, RuleRef>>;

/**
 * A generated table from its JSON text. The tables are written as JSON because TypeScript types
 * a string at once and a large object literal slowly, in every build of the app that holds them;
 * the generator wrote the text, so it is taken as the table it describes.
 */
export function parseRules(json: string): Rules {
  const table: unknown = JSON.parse(json);
  return table as Rules;
}

const TYPE_TESTS: Readonly<Record<string, (value: unknown) => boolean>> = {
  string: (value) => typeof value === "string",
  number: (value) => typeof value === "number" && Number.isFinite(value),
  integer: (value) => Number.isInteger(value),
  boolean: (value) => typeof value === "boolean",
  null: (value) => value === null,
  array: (value) => Array.isArray(value),
  object: isRecord,
} satisfies Record<JsonType, (value: unknown) => boolean>;

/** Patterns compiled once each (their number is bounded by the specs). */
const patterns = new Map<string, RegExp>();

function matches(pattern: string, value: string): boolean {
  let re = patterns.get(pattern);
  if (re === undefined) {
    re = new RegExp(pattern, "u");
    patterns.set(pattern, re);
  }
  return re.test(value);
}

/** Adds an issue at the value's pointer, or at `at`. */
type Add = (message: string, at?: string) => void;

/** What one check of a value shares: the table its names refer to, where issues go, and `open`. */
interface Walk {
  readonly rules: Rules;
  readonly issues: Issue[];
  readonly open: boolean;
  /**
   * Whether an object or array passed an anyOf/oneOf entry, per value and entry: each pair is checked
   * once, so an entry that recurses (a tree whose node is a oneOf) costs time linear in the
   * value, not exponential in its depth. Made on first use, and shared by the nested walks.
   */
  passed?: WeakMap<object, Map<RuleRef, boolean>> | undefined;
  /**
   * The rules each object or array has met in this walk: one it met already adds nothing (a
   * JSON value sits at one place), so an allOf whose entries both recurse into the same property
   * does not double the work per level either.
   */
  met?: WeakMap<object, Set<Rule>>;
}

/**
 * Adds to `issues` every way `value` breaks `ref` (looked up in `rules` when it is a name).
 * `open` makes string enums accept values a provider added later (answers are forward-compatible).
 */
export function checkValue(
  rules: Rules,
  ref: RuleRef,
  value: unknown,
  pointer: string,
  issues: Issue[],
  open: boolean,
): void {
  walkTop({ rules, issues, open }, ref, value, pointer);
}

/**
 * `walk` from the top of a value: one nested deeper than the stack allows (an answer of
 * `[[[[…` within the body limit, or an argument that contains itself) is an issue, not a
 * RangeError out of the call.
 */
function walkTop(w: Walk, ref: RuleRef, value: unknown, pointer: string): void {
  try {
    walk(w, ref, value, pointer);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    w.issues.push({ pointer, message: "is nested too deeply to be checked" });
  }
}

function walk(w: Walk, ref: RuleRef, value: unknown, pointer: string): void {
  // A component's rule (a name a component aliases is followed in turn); an unknown name allows anything.
  if (typeof ref === "string") {
    if (Object.hasOwn(w.rules, ref)) walk(w, w.rules[ref]!, value, pointer);
    return;
  }
  if (ref === true) return;
  const add: Add = (message, at = pointer) => {
    w.issues.push({ pointer: at, message });
  };
  if (ref === false) {
    add("is not allowed here");
    return;
  }
  if (typeof value === "object" && value !== null && !firstMeeting(w, ref, value)) return;
  if (ref.$ref !== undefined) walk(w, ref.$ref, value, pointer);
  // A value of the wrong type gets that one issue: the other keywords would only repeat it.
  if (ref.type !== undefined && !admits(ref.type, value)) {
    add(`must be ${ref.type.join(" or ")}, not ${typeName(value)}`);
    return;
  }
  if ("const" in ref) {
    const expected = ref.const;
    const json = typeof expected === "object" && expected !== null;
    if (json ? JSON.stringify(value) !== JSON.stringify(expected) : value !== expected)
      add(`must be ${JSON.stringify(expected)}`);
  }
  if (ref.enum !== undefined) {
    const openString = w.open && typeof value === "string" && ref.enum.some((v) => typeof v === "string");
    if (!openString && !ref.enum.includes(value)) {
      const shown = ref.enum.map((v) => JSON.stringify(v)).join(", ");
      add(`must be one of ${shown.length > 200 ? `${shown.slice(0, 197)}...` : shown}`);
    }
  }
  if (typeof value === "string") checkString(ref, value, add);
  else if (typeof value === "number") checkNumber(ref, value, add);
  else if (Array.isArray(value)) checkArray(w, ref, value, pointer, add);
  else if (isRecord(value)) checkObject(w, ref, value, pointer, add);
  if (ref.allOf !== undefined) for (const sub of ref.allOf) walk(w, sub, value, pointer);
  if (ref.anyOf === undefined && ref.oneOf === undefined) return;
  const passes = (sub: RuleRef) => {
    if (typeof value !== "object" || value === null) return passesOnce(w, sub, value, pointer);
    w.passed ??= new WeakMap();
    const known = entryOf(w.passed, value, () => new Map<RuleRef, boolean>());
    let ok = known.get(sub);
    if (ok === undefined) {
      ok = passesOnce(w, sub, value, pointer);
      known.set(sub, ok);
    }
    return ok;
  };
  if (ref.anyOf !== undefined && !ref.anyOf.some(passes)) add("must match at least one of its anyOf schemas");
  if (ref.oneOf !== undefined && ref.oneOf.filter(passes).length !== 1)
    add("must match exactly one of its oneOf schemas");
}

/** Records that `value` met `rule` in this walk; false when it had already. */
function firstMeeting(w: Walk, rule: Rule, value: object): boolean {
  w.met ??= new WeakMap();
  const met = entryOf(w.met, value, () => new Set<Rule>());
  if (met.has(rule)) return false;
  met.add(rule);
  return true;
}

/** What a per-value table holds for `value`, made on first use. */
function entryOf<T>(table: WeakMap<object, T>, value: object, make: () => T): T {
  let entry = table.get(value);
  if (entry === undefined) {
    entry = make();
    table.set(value, entry);
  }
  return entry;
}

/** Whether `value` meets `sub`, its issues discarded (they do not depend on where the value is). */
function passesOnce(w: Walk, sub: RuleRef, value: unknown, pointer: string): boolean {
  const issues: Issue[] = [];
  // A walk of its own: what the outer walk met says nothing about these issues.
  walk({ rules: w.rules, issues, open: w.open, passed: w.passed }, sub, value, pointer);
  return issues.length === 0;
}

function admits(types: readonly string[], value: unknown): boolean {
  for (const type of types) if (Object.hasOwn(TYPE_TESTS, type) && TYPE_TESTS[type]!(value)) return true;
  return false;
}

/** The `min<Keyword>` and `max<Keyword>` bounds of a count of `unit`. */
function checkSize(
  add: Add,
  count: number,
  min: number | undefined,
  max: number | undefined,
  unit: string,
  keyword: string,
) {
  if (min !== undefined && count < min) add(`must have at least ${min} ${unit} (min${keyword})`);
  if (max !== undefined && count > max) add(`must have at most ${max} ${unit} (max${keyword})`);
}

function checkString(rule: Rule, value: string, add: Add): void {
  // Counted in code points, as JSON Schema does.
  if (rule.minLength !== undefined || rule.maxLength !== undefined)
    checkSize(add, [...value].length, rule.minLength, rule.maxLength, "characters", "Length");
  if (rule.pattern !== undefined && !matches(rule.pattern, value)) add(`must match the pattern ${rule.pattern}`);
  if (rule.format !== undefined && !checkFormat(rule.format, value)) add(`must be a valid ${rule.format}`);
}

function checkNumber(rule: Rule, value: number, add: Add): void {
  const { minimum: min, maximum: max, exclusiveMinimum: aboveMin, exclusiveMaximum: belowMax } = rule;
  // `true` beside minimum or maximum (3.0) makes that bound exclusive.
  if (min !== undefined && (aboveMin === true ? value <= min : value < min))
    add(`must be ${aboveMin === true ? "greater than" : "at least"} ${min} (minimum)`);
  if (max !== undefined && (belowMax === true ? value >= max : value > max))
    add(`must be ${belowMax === true ? "less than" : "at most"} ${max} (maximum)`);
  if (typeof aboveMin === "number" && value <= aboveMin) add(`must be greater than ${aboveMin} (exclusiveMinimum)`);
  if (typeof belowMax === "number" && value >= belowMax) add(`must be less than ${belowMax} (exclusiveMaximum)`);
  if (rule.multipleOf !== undefined && !Number.isInteger(value / rule.multipleOf))
    add(`must be a multiple of ${rule.multipleOf}`);
}

function checkArray(w: Walk, rule: Rule, value: readonly unknown[], pointer: string, add: Add): void {
  checkSize(add, value.length, rule.minItems, rule.maxItems, "items", "Items");
  if (rule.uniqueItems === true && new Set(value.map((item) => JSON.stringify(item))).size !== value.length)
    add("must not repeat items (uniqueItems)");
  const { items } = rule;
  if (items !== undefined) for (const [i, item] of value.entries()) walk(w, items, item, pointer + segment(i));
}

function checkObject(w: Walk, rule: Rule, value: Readonly<Record<string, unknown>>, pointer: string, add: Add): void {
  for (const key of rule.required ?? []) if (!(key in value)) add("is required", pointer + segment(key));
  const { properties = {}, additionalProperties } = rule;
  if (rule.properties !== undefined || additionalProperties !== undefined)
    for (const [key, item] of Object.entries(value)) {
      const known = Object.hasOwn(properties, key);
      const sub = known ? properties[key] : additionalProperties;
      if (sub === false && !known) add("is not a known property (additionalProperties: false)", pointer + segment(key));
      else if (sub !== undefined && item !== undefined) walk(w, sub, item, pointer + segment(key));
    }
  if (rule.minProperties !== undefined || rule.maxProperties !== undefined)
    checkSize(add, Object.keys(value).length, rule.minProperties, rule.maxProperties, "properties", "Properties");
}

/** Where a call's argument is, as `RequestArgs` names it. */
export type ArgumentPlace = "path" | "query" | "headers" | "cookie";

/** The `RequestArgs` field holding the parameters of each OpenAPI location. */
export const ARGUMENT_PLACES = {
  path: "path",
  query: "query",
  header: "headers",
  cookie: "cookie",
} as const satisfies Record<string, ArgumentPlace>;

/** One parameter of an operation: where, whether a call must give it, and its schema (none: anything). */
export interface ParameterRule {
  readonly in: ArgumentPlace;
  readonly name: string;
  readonly required: boolean;
  readonly schema?: RuleRef;
}

/** What a call's arguments must meet (`x-exactly-one-of`: names of which exactly one is given). */
export interface RequestRules {
  readonly parameters?: readonly ParameterRule[];
  readonly exactlyOneOf?: readonly string[];
  readonly body?: { readonly required: boolean; readonly schema?: RuleRef };
}

/** An operation's request validator: the issues with a call's arguments, in the order the spec lists them. */
export function requestCheck(rules: Rules, spec: RequestRules): (args: RequestArgs) => Issue[] {
  const { parameters = [], exactlyOneOf, body } = spec;
  const places = new Map(parameters.map((p) => [p.name, p.in]));
  const placeOf = (name: string) => places.get(name) ?? "query";
  return (args) => {
    const w: Walk = { rules, issues: [], open: false };
    const argument = (value: unknown, pointer: string, required: boolean, schema: RuleRef | undefined) => {
      if (value === undefined) {
        if (required) w.issues.push({ pointer, message: "is required" });
      } else if (schema !== undefined) walkTop(w, schema, value, pointer);
    };
    const given = (place: ArgumentPlace, name: string) =>
      (args[place] as Readonly<Record<string, unknown>> | undefined)?.[name];
    for (const p of parameters) argument(given(p.in, p.name), `/${p.in}${segment(p.name)}`, p.required, p.schema);
    if (exactlyOneOf !== undefined && exactlyOneOf.filter((n) => given(placeOf(n), n) !== undefined).length !== 1)
      w.issues.push({
        pointer: `/${placeOf(exactlyOneOf[0] ?? "")}`,
        message: `needs exactly one of ${exactlyOneOf.join(", ")} (x-exactly-one-of)`,
      });
    if (body !== undefined) argument(args.body, "/body", body.required, body.schema);
    return w.issues;
  };
}

/**
 * An operation's response validator: the issues with a documented JSON answer, by its response
 * key ("200", "4XX", "default"); string enums stay open. A key without a schema has none.
 */
export function responseCheck(
  rules: Rules,
  schemas: Readonly<Record<string, RuleRef>>,
): (status: string, body: unknown) => Issue[] {
  return (status, body) => {
    const w: Walk = { rules, issues: [], open: true };
    if (Object.hasOwn(schemas, status)) walkTop(w, schemas[status]!, body, "");
    return w.issues;
  };
}
