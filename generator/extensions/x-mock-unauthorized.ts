import type { LintContext, LintRule } from "../spec/lint-context.js";
import { isRecord } from "../runtime/records.js";
import { lintDeref } from "../spec/deref.js";
import {
  answerRefProblems,
  type DocumentedResponses,
  type MockAnswerRef,
  undocumentedAnswer,
} from "./mock-answer-ref.js";
import { isWebhook, lintView, type Parsed, type Problem, reportProblems, unknownKeys } from "./problem.js";

/**
 * `x-mock-unauthorized` on a security scheme: which documented answer the mock servers give
 * when the scheme's credential (or signature) is missing, and when it is wrong. Without it, or
 * for a case it leaves out, they answer the operation's first 401 example, else its first 403,
 * else an undocumented 401.
 */
export interface XMockUnauthorized {
  readonly missing?: MockAnswerRef;
  readonly wrong?: MockAnswerRef;
}

const CASES = ["missing", "wrong"] as const;

export function parseXMockUnauthorized(value: unknown): Parsed<XMockUnauthorized> {
  if (!isRecord(value) || !CASES.some((key) => key in value)) {
    return {
      ok: false,
      problems: [
        {
          path: [],
          message:
            "x-mock-unauthorized must be an object { missing?: { status, example? }, wrong?: { status, example? } } with at least one case",
        },
      ],
    };
  }
  const problems: Problem[] = [
    ...unknownKeys(value, CASES),
    ...CASES.flatMap((key) =>
      value[key] === undefined ? [] : answerRefProblems(value[key], [key], `x-mock-unauthorized.${key}`),
    ),
  ];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: value as XMockUnauthorized };
}

/** Each case must be an answer the operation (one that uses the scheme) documents. */
export function unauthorizedProblems(value: XMockUnauthorized, responses: DocumentedResponses): Problem[] {
  return CASES.flatMap((key) => {
    const ref = value[key];
    const why = ref === undefined ? undefined : undocumentedAnswer(ref, responses);
    return why === undefined ? [] : [{ path: [key], message: why }];
  });
}

const KEY = "x-mock-unauthorized";

/**
 * The lint rule: `x-mock-unauthorized` on a security scheme is well-formed, and every
 * operation using the scheme documents the answers it names.
 */
export const xMockUnauthorizedRule: LintRule = () => {
  // Schemes are read at the root, which is entered before any operation.
  const declared = new Map<string, XMockUnauthorized>();
  let defaultSecurity: unknown;
  return {
    Root(node: object, ctx: LintContext) {
      const root = node as Record<string, unknown>;
      defaultSecurity = root.security;
      const deref = lintDeref(ctx);
      const components = deref(root.components);
      const schemes = isRecord(components) ? deref(components.securitySchemes) : undefined;
      for (const [name, raw] of Object.entries(isRecord(schemes) ? schemes : {})) {
        const scheme = deref(raw);
        const parsed = isRecord(scheme) && scheme[KEY] !== undefined ? parseXMockUnauthorized(scheme[KEY]) : undefined;
        if (parsed?.ok) declared.set(name, parsed.value);
      }
    },
    SecurityScheme(node: object, ctx: LintContext) {
      const scheme = node as Record<string, unknown>;
      if (scheme[KEY] !== undefined) reportProblems(ctx, KEY, parseXMockUnauthorized(scheme[KEY]));
    },
    Operation(node: object, ctx: LintContext) {
      if (isWebhook(ctx)) return;
      const operation = node as Record<string, unknown>;
      const security = operation.security ?? defaultSecurity;
      const names = new Set(
        (Array.isArray(security) ? security : []).flatMap((requirement) =>
          isRecord(requirement) ? Object.keys(requirement) : [],
        ),
      );
      const { responses } = lintView(node, ctx);
      for (const name of names) {
        const refusal = declared.get(name);
        for (const problem of refusal === undefined ? [] : unauthorizedProblems(refusal, responses)) {
          ctx.report({
            message: `security scheme "${name}" has x-mock-unauthorized.${String(problem.path[0])}, but ${problem.message}`,
            location: ctx.location.child(["responses"]).key(),
          });
        }
      }
    },
  };
};
