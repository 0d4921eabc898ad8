import type { Parsed } from "./problem.js";

/**
 * `x-exactly-one-of` on an operation: names of its parameters of which exactly one must be
 * given (OpenAPI cannot relate two parameters). `declared` are the operation's parameter names.
 */
export function parseXExactlyOneOf(value: unknown, declared: readonly string[]): Parsed<readonly string[]> {
  if (!Array.isArray(value) || value.length < 2 || !value.every((v): v is string => typeof v === "string")) {
    return { ok: false, problems: [{ path: [], message: "x-exactly-one-of must list at least two parameter names" }] };
  }
  const problems = value.flatMap((name, i) => {
    const issues = [];
    if (!declared.includes(name)) {
      issues.push({ path: [i], message: `"${name}" is not a parameter of this operation; declared: ${declared.join(", ") || "none"}` });
    }
    if (value.indexOf(name) !== i) issues.push({ path: [i], message: `"${name}" is listed twice` });
    return issues;
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}
