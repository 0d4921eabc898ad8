import { isRecord } from "../runtime/records.js";
import { type Problem, under, unknownKeys } from "./problem.js";

/** What the x-mock-* extensions share: an answer they name must be one the operation documents. */

/** A documented answer of an operation, by status and (optionally) the name of one of its examples. */
export interface MockAnswerRef {
  readonly status: number;
  /** Default: the status's first example. */
  readonly example?: string;
}

/** The documented responses of an operation, as the mock extensions check them. */
export interface DocumentedResponses {
  /** Status ("401") → names of its JSON examples, or null when it has no JSON body. */
  readonly [status: string]: readonly string[] | null;
}

/** `{ status, example? }` with a 4xx status. */
export function answerRefProblems(value: unknown, path: readonly (string | number)[], what: string): Problem[] {
  if (!isRecord(value)) return [{ path, message: `${what} must be an object { status, example? }` }];
  const problems = under(path, unknownKeys(value, ["status", "example"]));
  if (!isClientError(value.status))
    problems.push({ path: [...path, "status"], message: `${what}.status must be a 4xx status code (a number)` });
  if (value.example !== undefined && (typeof value.example !== "string" || value.example === "")) {
    problems.push({
      path: [...path, "example"],
      message: `${what}.example must be the name of one of that status's examples`,
    });
  }
  return problems;
}

export function isClientError(status: unknown): status is number {
  return typeof status === "number" && Number.isInteger(status) && status >= 400 && status <= 499;
}

/** What is wrong with answering `ref` for an operation that documents `responses`, or undefined. */
export function undocumentedAnswer(ref: MockAnswerRef, responses: DocumentedResponses): string | undefined {
  const examples = responses[String(ref.status)];
  if (examples === undefined)
    return `the operation documents no ${ref.status} answer (it documents ${Object.keys(responses).join(", ") || "none"})`;
  if (examples === null) return `the operation's ${ref.status} answer has no JSON body to send`;
  if (ref.example !== undefined && !examples.includes(ref.example)) {
    return `the operation's ${ref.status} answer has no example "${ref.example}" (its examples: ${examples.join(", ") || "none"})`;
  }
  return undefined;
}
