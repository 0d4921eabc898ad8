import { ClientError } from "./errors.js";
import { escapeSegment } from "./pointer.js";

/** One schema violation: where (a JSON pointer, prefixed by the request part) and which rule. */
export interface Issue {
  readonly pointer: string;
  readonly message: string;
}

/** A compiled validator, emitted by the generator into validators.gen.ts. */
export type Validator = (value: unknown, pointer: string, issues: Issue[], open: boolean) => void;

function list(issues: readonly Issue[]): string {
  const shown = issues.slice(0, 10).map((i) => `${i.pointer || "/"} ${i.message}`);
  return shown.join("; ") + (issues.length > shown.length ? `; and ${issues.length - shown.length} more` : "");
}

/** The call's arguments break the spec; nothing was sent. Messages name the field and the rule, never the value. */
export class ValidationError extends ClientError {
  override name = "ValidationError";
  readonly issues: readonly Issue[];

  constructor(provider: string, operation: string, issues: readonly Issue[]) {
    super(provider, operation, `invalid request, nothing was sent: ${list(issues)}`);
    this.issues = issues;
  }
}

/** With `validateResponses` given, a documented answer whose body does not match its schema. */
export class ResponseValidationError extends ClientError {
  override name = "ResponseValidationError";
  readonly status: number;
  readonly issues: readonly Issue[];

  constructor(provider: string, operation: string, status: number, issues: readonly Issue[]) {
    super(provider, operation, `HTTP ${status} body does not match the spec: ${list(issues)}`);
    this.status = status;
    this.issues = issues;
  }
}

// Helpers the generated validators call (with isRecord from records.ts); kept tiny so
// validators.gen.ts stays small.

export function typeName(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;
}

/** Whether `validator` accepts `value` (for anyOf/oneOf branches). */
export function passes(validator: Validator, value: unknown, pointer: string, open: boolean): boolean {
  const issues: Issue[] = [];
  validator(value, pointer, issues, open);
  return issues.length === 0;
}

const FORMATS: Readonly<Record<string, RegExp>> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  "date-time": /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  email: /^[^\s@]+@[^\s@]+$/,
  uri: /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/,
};

/** Formats the validators check; any other format is accepted as documentation. */
export function checkFormat(format: string, value: string): boolean {
  const pattern = FORMATS[format];
  return pattern === undefined || pattern.test(value);
}

/** One pointer step ("/items"), escaped. */
export function segment(key: string | number): string {
  return `/${escapeSegment(String(key))}`;
}

/**
 * An object's required keys, known properties and extra properties (`additional`: a validator,
 * `false` to refuse them, undefined to accept them), from the tables validators.gen.ts passes.
 */
export function checkObject(
  value: Record<string, unknown>,
  pointer: string,
  issues: Issue[],
  open: boolean,
  required: readonly string[],
  properties: Readonly<Record<string, Validator>>,
  additional: Validator | false | undefined,
): void {
  for (const key of required)
    if (!(key in value)) issues.push({ pointer: pointer + segment(key), message: "is required" });
  for (const [key, item] of Object.entries(value)) {
    const validator = Object.hasOwn(properties, key) ? properties[key] : additional;
    if (validator === false)
      issues.push({
        pointer: pointer + segment(key),
        message: "is not a known property (additionalProperties: false)",
      });
    else if (validator !== undefined && item !== undefined) validator(item, pointer + segment(key), issues, open);
  }
}
