import { answerRefProblems, type DocumentedResponses, type MockAnswerRef, undocumentedAnswer } from "./x-mock-answer.js";
import { isRecord, type Parsed, type Problem, unknownKeys } from "./problem.js";

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
    return { ok: false, problems: [{ path: [], message: "x-mock-unauthorized must be an object { missing?: { status, example? }, wrong?: { status, example? } } with at least one case" }] };
  }
  const problems: Problem[] = [
    ...unknownKeys(value, CASES),
    ...CASES.flatMap((key) => (value[key] === undefined ? [] : answerRefProblems(value[key], [key], `x-mock-unauthorized.${key}`))),
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
