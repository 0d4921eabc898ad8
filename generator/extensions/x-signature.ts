import type { LintRule } from "../spec/lint-context.js";
import { isRecord } from "../runtime/records.js";
import { requestSigners } from "../runtime/signing.js";
import { identifier, type Parsed, type Problem, reportProblems, unknownKeys } from "./problem.js";

/** `x-signature` on an apiKey security scheme: its value is computed from the body. */
export interface XSignature {
  /** A name in the runtime's request-signer registry. */
  readonly algorithm: string;
  /** The client option holding the secret the algorithm is keyed with. */
  readonly credential: string;
  readonly description?: string;
}

export function parseXSignature(value: unknown): Parsed<XSignature> {
  if (!isRecord(value)) {
    return {
      ok: false,
      problems: [{ path: [], message: "x-signature must be an object: { algorithm, credential, description? }" }],
    };
  }
  const known = Object.keys(requestSigners);
  const problems: Problem[] = [
    ...unknownKeys(value, ["algorithm", "credential", "description"]),
    ...identifier(value.credential, ["credential"], "x-signature.credential"),
  ];
  if (typeof value.algorithm !== "string" || !known.includes(value.algorithm)) {
    problems.push({
      path: ["algorithm"],
      message: `x-signature.algorithm must be one of: ${known.join(", ")} (add new ones to generator/runtime/signing.ts with test vectors)`,
    });
  }
  if (value.description !== undefined && typeof value.description !== "string") {
    problems.push({ path: ["description"], message: "x-signature.description must be a string" });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      algorithm: value.algorithm as string,
      credential: value.credential as string,
      ...(typeof value.description === "string" ? { description: value.description } : {}),
    },
  };
}

/** The lint rule: `x-signature` names a registered algorithm and a credential, on a header apiKey scheme. */
export const xSignatureRule: LintRule = () => ({
  SecurityScheme(node: object, ctx) {
    const scheme = node as Record<string, unknown>;
    if (scheme["x-signature"] === undefined) return;
    if (scheme.type !== "apiKey" || scheme.in !== "header") {
      ctx.report({
        message: "x-signature belongs on an apiKey scheme with in: header (the header that carries the signature)",
        location: ctx.location.child(["x-signature"]),
      });
    }
    reportProblems(ctx, "x-signature", parseXSignature(scheme["x-signature"]));
  },
});
