import type { LintRule } from "../spec/lint-context.js";
import { isRecord } from "../runtime/records.js";
import { identifier, type Parsed, type Problem, reportProblems, unknownKeys } from "./problem.js";

/** `x-credential` on a security scheme: which client option supplies its value. */
export interface XCredential {
  readonly option: string;
  /** Text sent before the secret, e.g. "Token " for `Authorization: Token <key>`. */
  readonly prefix: string;
  readonly description?: string;
}

export function parseXCredential(value: unknown): Parsed<XCredential> {
  if (!isRecord(value)) {
    return {
      ok: false,
      problems: [{ path: [], message: "x-credential must be an object: { option, prefix?, description? }" }],
    };
  }
  const problems: Problem[] = [
    ...unknownKeys(value, ["option", "prefix", "description"]),
    ...identifier(value.option, ["option"], "x-credential.option"),
  ];
  if (value.prefix !== undefined && typeof value.prefix !== "string") {
    problems.push({ path: ["prefix"], message: 'x-credential.prefix must be a string such as "Token "' });
  }
  if (value.description !== undefined && typeof value.description !== "string") {
    problems.push({ path: ["description"], message: "x-credential.description must be a string" });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      option: value.option as string,
      prefix: (value.prefix as string | undefined) ?? "",
      ...(typeof value.description === "string" ? { description: value.description } : {}),
    },
  };
}

/** The lint rule: `x-credential` is well-formed, and not beside `x-signature` on one scheme. */
export const xCredentialRule: LintRule = () => ({
  SecurityScheme(node: object, ctx) {
    const scheme = node as Record<string, unknown>;
    if (scheme["x-credential"] === undefined) return;
    if (scheme["x-signature"] !== undefined) {
      ctx.report({
        message: "a scheme has either x-credential (a sent secret) or x-signature (a computed value), not both",
        location: ctx.location.child(["x-credential"]),
      });
      return;
    }
    reportProblems(ctx, "x-credential", parseXCredential(scheme["x-credential"]));
  },
});
