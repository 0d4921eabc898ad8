import type { XMockInvalid } from "../generator/extensions/x-mock-invalid.js";
import { isRecord } from "../generator/runtime/records.js";

/** One reason a request breaks the spec: where, which field, which rule, and the validator's sentence. */
export interface Violation {
  /** body, query, header, path (or cookie). */
  readonly in: string;
  /** The field's path below `in`, dotted (`uuids.0`); `in` itself for the whole body or query. */
  readonly field: string;
  /** JSON Schema keyword (`pattern`, `required`, ...), or the front's own `exactlyOneOf`, `cursor`. */
  readonly rule: string;
  readonly message: string;
}

const NAMED_PROPERTY = /(?:required property|found) '([^']+)'/;

/**
 * The request violations of Prism's `sl-violations` header (a JSON list of `{ location:
 * ["request", in, ...path], code, message }`). `required` and `additionalProperties` name the
 * property only in the message, so it is taken from there.
 */
export function violationsOf(header: string | undefined): Violation[] {
  if (header === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(header);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((entry: unknown): Violation[] => {
    if (typeof entry !== "object" || entry === null) return [];
    const { location, code, message, severity } = entry as {
      location?: unknown;
      code?: unknown;
      message?: unknown;
      severity?: unknown;
    };
    if (severity !== "Error" || typeof code !== "string" || typeof message !== "string") return [];
    if (!Array.isArray(location) || location[0] !== "request" || typeof location[1] !== "string") return [];
    const path = location.slice(2).map(String);
    const named =
      code === "required" || code === "additionalProperties" ? NAMED_PROPERTY.exec(message)?.[1] : undefined;
    if (named !== undefined) path.push(named);
    return [{ in: location[1], field: path.length > 0 ? path.join(".") : location[1], rule: code, message }];
  });
}

function fill(text: string, violation: Violation, rules: Readonly<Record<string, string>>): string {
  const values: Readonly<Record<string, string>> = {
    field: violation.field,
    rule: rules[violation.rule] ?? violation.rule,
    message: violation.message,
    in: violation.in,
  };
  return text.replace(/\{(field|rule|message|in)\}/g, (_, name: string) => values[name]!);
}

function render(template: unknown, violation: Violation, rules: Readonly<Record<string, string>>): unknown {
  if (typeof template === "string") return fill(template, violation, rules);
  if (Array.isArray(template)) return template.map((item) => render(item, violation, rules));
  if (typeof template === "object" && template !== null) {
    return Object.fromEntries(
      Object.entries(template).map(([key, value]) => [fill(key, violation, rules), render(value, violation, rules)]),
    );
  }
  return template;
}

/**
 * Objects merge key by key, lists are appended (without repeats), different strings are joined
 * with "; " (so a one-message shape still names every failure), and otherwise the first value stays.
 */
function merge(a: unknown, b: unknown): unknown {
  if (isRecord(a) && isRecord(b)) {
    const out: Record<string, unknown> = { ...a };
    for (const [key, value] of Object.entries(b)) out[key] = key in out ? merge(out[key], value) : value;
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const seen = new Set(a.map((item) => JSON.stringify(item)));
    return [...a, ...b.filter((item) => !seen.has(JSON.stringify(item)))];
  }
  if (typeof a === "string" && typeof b === "string") return a.split("; ").includes(b) ? a : `${a}; ${b}`;
  return a;
}

/** The provider's refusal for these violations: the template filled once per violation, merged. */
export function renderRefusal(invalid: XMockInvalid, violations: readonly [Violation, ...Violation[]]): unknown {
  return violations.map((v) => render(invalid.body, v, invalid.rules)).reduce((all, one) => merge(all, one));
}
