import { ClientError } from "./errors.js";
import { escapeSegment } from "./pointer.js";

/** One schema violation: where (a JSON pointer, prefixed by the request part) and which rule. */
export interface Issue {
  readonly pointer: string;
  readonly message: string;
}

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

// Helpers of the rules (rules.ts) and of the errors that name a field.

export function typeName(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;
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
