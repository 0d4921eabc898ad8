import type { LintContext, LintRule } from "../spec/lint-context.js";
import { BASE_CLIENT_OPTIONS } from "../runtime/context.js";
import { isRecord } from "../runtime/records.js";
import type { ClientDefaultSpec } from "../runtime/types.js";
import type { Deref } from "../spec/deref.js";
import { schemaProperties } from "../spec/schema-pointer.js";
import { identifier, lintView, type Parsed, type Problem, reportProblems } from "./problem.js";

const KEY = "x-client-option";

/**
 * `x-client-option: <option>` on a parameter, or on a top-level property of an operation's JSON
 * request body: the client option of that name supplies the value when a call leaves it out
 * (a shop id every call repeats). The field stays as the spec declares it (required or not).
 * The model's entry per field is the runtime's descriptor as is.
 */
export type ClientDefault = ClientDefaultSpec;

export function parseXClientOption(value: unknown): Parsed<string> {
  const problems: Problem[] = identifier(value, [], KEY);
  if (problems.length === 0 && (BASE_CLIENT_OPTIONS as readonly string[]).includes(value as string)) {
    problems.push({ path: [], message: `${KEY} "${String(value)}" is a built-in client option; choose another name` });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: value as string };
}

/** What an option's value is, from the schema of a field it fills; used to type the option. */
export function optionType(schema: unknown, deref: Deref): "string" | "number" | "boolean" {
  const node = deref(schema);
  const type = isRecord(node) ? node.type : undefined;
  const types = Array.isArray(type) ? type : [type];
  if (types.includes("integer") || types.includes("number")) return "number";
  if (types.includes("boolean")) return "boolean";
  return "string";
}

/**
 * The lint rule: `x-client-option` names a client option (an identifier, not a built-in one)
 * and sits on a parameter or on a top-level property of a JSON request body; anywhere else it
 * would be silently ignored, so it is reported.
 */
export const xClientOptionRule: LintRule = () => {
  const allowed = new Set<object>();
  const found: { node: object; report: () => void }[] = [];
  return {
    Parameter(node: object, ctx: LintContext) {
      const value = (node as Record<string, unknown>)[KEY];
      if (value !== undefined) reportProblems(ctx, KEY, parseXClientOption(value));
    },
    Operation(node: object, ctx: LintContext) {
      const { bodySchema, deref } = lintView(node, ctx);
      for (const property of Object.values(schemaProperties(bodySchema, deref))) {
        for (const candidate of [property, deref(property)]) if (isRecord(candidate)) allowed.add(candidate);
      }
    },
    Schema(node: object, ctx: LintContext) {
      const value = (node as Record<string, unknown>)[KEY];
      if (value === undefined) return;
      const location = ctx.location.child([KEY]);
      found.push({
        node,
        report: () =>
          ctx.report({
            message: `${KEY} belongs on a parameter or a top-level property of a JSON request body`,
            location,
          }),
      });
      reportProblems(ctx, KEY, parseXClientOption(value));
    },
    Root: {
      leave() {
        for (const { node, report } of found) if (!allowed.has(node)) report();
      },
    },
  };
};
