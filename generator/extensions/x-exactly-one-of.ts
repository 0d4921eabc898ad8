import type { LintRule } from "../spec/lint-context.js";
import { lintView, type Parsed, reportProblems } from "./problem.js";

/**
 * `x-exactly-one-of` on an operation: names of its parameters of which exactly one must be
 * given (OpenAPI cannot relate two parameters). `declared` are the operation's parameters; each
 * named one must be optional, or "exactly one" could never hold.
 */
export function parseXExactlyOneOf(
  value: unknown,
  declared: readonly { readonly name: string; readonly required?: boolean }[],
): Parsed<readonly string[]> {
  if (!Array.isArray(value) || value.length < 2 || !value.every((v): v is string => typeof v === "string")) {
    return { ok: false, problems: [{ path: [], message: "x-exactly-one-of must list at least two parameter names" }] };
  }
  const problems = value.flatMap((name, i) => {
    const issues = [];
    const parameter = declared.find((p) => p.name === name);
    if (parameter === undefined) {
      issues.push({
        path: [i],
        message: `"${name}" is not a parameter of this operation (declared: ${declared.map((p) => p.name).join(", ") || "none"}); declare it under parameters or remove it here`,
      });
    } else if (parameter.required === true) {
      issues.push({
        path: [i],
        message: `"${name}" is a required parameter; parameters of x-exactly-one-of must be optional`,
      });
    }
    if (value.indexOf(name) !== i) issues.push({ path: [i], message: `"${name}" is listed twice` });
    return issues;
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/** The lint rule: `x-exactly-one-of` lists two or more distinct, declared, optional parameters. */
export const xExactlyOneOfRule: LintRule = () => ({
  Operation(node: object, ctx) {
    const value = (node as Record<string, unknown>)["x-exactly-one-of"];
    if (value !== undefined)
      reportProblems(ctx, "x-exactly-one-of", parseXExactlyOneOf(value, lintView(node, ctx).parameters));
  },
});
