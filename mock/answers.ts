import { STATUS_CODES } from "node:http";
import type { MockApi, MockOperation } from "./mock-api.js";

/** What a test makes an operation answer, instead of its usual answer. */
export interface AnswerChoice {
  /** A documented status; or 408, 429 or a 5xx, which a provider's servers can answer whatever its docs say. */
  readonly status?: number;
  /** A named example of the operation's answers (of `status`, when given). */
  readonly example?: string;
  /** For the next `times` calls of the operation; default every call until reset. */
  readonly times?: number;
}

/** How the front gives a forced answer: through Prism (documented), or itself (an undocumented failure). */
export type ForcedAnswer = { readonly prefer: string } | { readonly status: number };

interface Queued {
  readonly answer: ForcedAnswer;
  left: number;
}

/** An undocumented status a test may still ask for: transient failures a client must survive. */
function isTransient(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** The forced answer for `choice`, or why it cannot be given. */
function resolve(operation: MockOperation, choice: AnswerChoice): ForcedAnswer | string {
  const { responses, id } = operation.model;
  if (choice.times !== undefined && !(Number.isInteger(choice.times) && choice.times > 0))
    return `times must be a positive integer, got ${String(choice.times)}`;
  if (choice.status === undefined && choice.example === undefined)
    return "say which answer: a status, an example, or both";
  const documented = responses.filter((r) => /^\d{3}$/.test(r.status));
  const list = documented.map((r) => r.status).join(", ");
  const response =
    choice.status !== undefined
      ? documented.find((r) => r.status === String(choice.status))
      : documented.find((r) => choice.example !== undefined && choice.example in r.examples);
  if (response === undefined) {
    if (
      choice.status !== undefined &&
      choice.example === undefined &&
      Number.isInteger(choice.status) &&
      isTransient(choice.status)
    )
      return { status: choice.status };
    return choice.status !== undefined
      ? `${id} documents no ${choice.status} answer (it documents ${list}; undocumented, only 408, 429 and 5xx can be forced)`
      : `${id} has no example "${choice.example}" in any of its answers (${list})`;
  }
  if (choice.example !== undefined && !(choice.example in response.examples)) {
    return `${id}'s ${response.status} answer has no example "${choice.example}" (its examples: ${Object.keys(response.examples).join(", ") || "none"})`;
  }
  return { prefer: `code=${response.status}${choice.example === undefined ? "" : `, example=${choice.example}`}` };
}

/** The answers tests have forced on one front's operations, each taken in turn. */
export class AnswerQueue {
  readonly #queues = new Map<string, Queued[]>();

  constructor(private readonly api: MockApi) {}

  /** Queues `choice` for `operationId` after any already queued; throws a readable Error when it cannot be given. */
  add(operationId: string, choice: AnswerChoice): void {
    const operation = this.api.operations.find((o) => o.model.id === operationId);
    if (operation === undefined) {
      throw new Error(
        `${this.api.name} has no operation "${operationId}" (its operations: ${this.api.operations.map((o) => o.model.id).join(", ")})`,
      );
    }
    const answer = resolve(operation, choice);
    if (typeof answer === "string") throw new Error(`${this.api.name}: ${answer}`);
    const queue = this.#queues.get(operationId) ?? [];
    queue.push({ answer, left: choice.times ?? Number.POSITIVE_INFINITY });
    this.#queues.set(operationId, queue);
  }

  /** The forced answer for this call of `operationId`, if any; uses it up. */
  take(operationId: string): ForcedAnswer | undefined {
    const queue = this.#queues.get(operationId);
    const head = queue?.[0];
    if (queue === undefined || head === undefined) return undefined;
    head.left -= 1;
    if (head.left <= 0) queue.shift();
    return head.answer;
  }

  reset(): void {
    this.#queues.clear();
  }
}

/** The plain-text body of a forced answer the spec does not document. */
export function transientBody(status: number): string {
  return `${status} ${STATUS_CODES[status] ?? "Error"} (forced by the mock)`;
}
