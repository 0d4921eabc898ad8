import type { LintContext, LintRule } from "../spec/lint-context.js";
import { isRecord } from "../runtime/records.js";
import { type DocumentedResponses, isClientError, undocumentedAnswer } from "./mock-answer-ref.js";
import { isWebhook, lintView, type Parsed, type Problem, reportProblems, unknownKeys } from "./problem.js";

/**
 * `x-mock-invalid` at the root of a spec (every operation) or on an operation (overriding it):
 * the provider's shape for refusing a request that breaks the spec. The mock servers fill the
 * `body` template once per violation found and merge the copies (objects key by key, lists
 * appended), so the refusal names every field and rule that failed.
 */
export interface XMockInvalid {
  /** The documented status of such refusals (422, 400, ...). */
  readonly status: number;
  /** Any JSON; strings (keys included) may hold the placeholders below. */
  readonly body: unknown;
  /** Rule (JSON Schema keyword, or `exactlyOneOf`, `cursor`) → the provider's name for it. */
  readonly rules: Readonly<Record<string, string>>;
}

/**
 * Placeholders of the body template: `{field}` the failing field's path (`uuids.0`, dotted as
 * PHP frameworks name nested fields), `{rule}` the rule's name (mapped through `rules`),
 * `{message}` the validator's sentence, `{in}` where the field is (body, query, header, path).
 */
export const REFUSAL_PLACEHOLDERS = ["field", "rule", "message", "in"] as const;

/**
 * Rules a refusal can be about: what Prism's validator reports (JSON Schema keywords), the
 * front's `exactlyOneOf` (x-exactly-one-of) and `cursor` (a cursor no page handed out).
 */
export const REFUSAL_RULES = [
  "required",
  "type",
  "enum",
  "const",
  "pattern",
  "format",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
  "additionalProperties",
  "minProperties",
  "maxProperties",
  "oneOf",
  "anyOf",
  "not",
  "exactlyOneOf",
  "cursor",
] as const;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** Every string of a template, keys included, with where it sits. */
function strings(
  value: unknown,
  path: readonly (string | number)[],
): { text: string; path: readonly (string | number)[] }[] {
  if (typeof value === "string") return [{ text: value, path }];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, [...path, i]));
  if (isRecord(value))
    return Object.entries(value).flatMap(([key, item]) => [
      { text: key, path: [...path, key] },
      ...strings(item, [...path, key]),
    ]);
  return [];
}

export function parseXMockInvalid(value: unknown): Parsed<XMockInvalid> {
  if (!isRecord(value))
    return {
      ok: false,
      problems: [{ path: [], message: "x-mock-invalid must be an object { status, body, rules? }" }],
    };
  const problems: Problem[] = [...unknownKeys(value, ["status", "body", "rules"])];
  if (!isClientError(value.status))
    problems.push({ path: ["status"], message: "x-mock-invalid.status must be a 4xx status code (a number)" });
  if (value.body === undefined) {
    problems.push({
      path: [],
      message:
        "x-mock-invalid.body is missing: the refusal body, with {field} and {rule} where the provider names them",
    });
  } else {
    const found = strings(value.body, ["body"]);
    for (const { text, path } of found) {
      for (const [, name] of text.matchAll(PLACEHOLDER)) {
        if (!(REFUSAL_PLACEHOLDERS as readonly string[]).includes(name!)) {
          problems.push({
            path,
            message: `unknown placeholder {${name}}; use ${REFUSAL_PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}`,
          });
        }
      }
    }
    if (!found.some(({ text }) => text.includes("{field}") || text.includes("{message}"))) {
      problems.push({
        path: ["body"],
        message: "x-mock-invalid.body must say what failed: use {field} (or {message}) somewhere in it",
      });
    }
  }
  const rules = value.rules ?? {};
  if (!isRecord(rules)) {
    problems.push({
      path: ["rules"],
      message: "x-mock-invalid.rules must map rules to the provider's names, e.g. { pattern: regex }",
    });
  } else {
    for (const [rule, name] of Object.entries(rules)) {
      if (!(REFUSAL_RULES as readonly string[]).includes(rule))
        problems.push({
          path: ["rules", rule],
          message: `unknown rule "${rule}"; rules are ${REFUSAL_RULES.join(", ")}`,
        });
      else if (typeof name !== "string" || name === "")
        problems.push({ path: ["rules", rule], message: `x-mock-invalid.rules.${rule} must be a non-empty string` });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { status: value.status as number, body: value.body, rules: rules as Record<string, string> },
  };
}

/** The refusal's status must be one the operation documents, with a JSON body. */
export function invalidProblems(value: XMockInvalid, responses: DocumentedResponses): Problem[] {
  const why = undocumentedAnswer({ status: value.status }, responses);
  return why === undefined ? [] : [{ path: ["status"], message: why }];
}

const KEY = "x-mock-invalid";

/**
 * The lint rule: `x-mock-invalid` (at the root, or on an operation) is a well-formed refusal
 * template whose status every operation it applies to documents with a JSON body.
 */
export const xMockInvalidRule: LintRule = () => {
  // The root is entered before any operation; its declaration applies to those without their own.
  let root: XMockInvalid | undefined;
  return {
    Root(node: object, ctx: LintContext) {
      const value = (node as Record<string, unknown>)[KEY];
      if (value === undefined) return;
      const parsed = parseXMockInvalid(value);
      reportProblems(ctx, KEY, parsed);
      if (parsed.ok) root = parsed.value;
    },
    Operation(node: object, ctx: LintContext) {
      if (isWebhook(ctx)) return;
      const operation = node as Record<string, unknown>;
      let effective = root;
      if (operation[KEY] !== undefined) {
        const parsed = parseXMockInvalid(operation[KEY]);
        reportProblems(ctx, KEY, parsed);
        if (!parsed.ok) return;
        effective = parsed.value;
      }
      if (effective === undefined) return;
      const problems = invalidProblems(effective, lintView(node, ctx).responses);
      if (operation[KEY] !== undefined) {
        reportProblems(ctx, KEY, { ok: false, problems });
        return;
      }
      for (const problem of problems) {
        ctx.report({
          message: `the root's x-mock-invalid answers ${effective.status}, but ${problem.message}`,
          location: ctx.location.child(["responses"]).key(),
        });
      }
    },
  };
};
