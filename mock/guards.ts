import type { IncomingHttpHeaders } from "node:http";
import type { MockAnswerRef } from "../generator/extensions/mock-answer-ref.js";
import { sameText } from "../generator/runtime/constant-time.js";
import { readHeader } from "../generator/runtime/headers.js";
import type { XMockUnauthorized } from "../generator/extensions/x-mock-unauthorized.js";
import type { AuthModel } from "../generator/model/types.js";
import { getRequestSigner } from "../generator/runtime/signing.js";
import type { MockOperation } from "./mock-api.js";
import { renderRefusal, type Violation } from "./refusal.js";

/** An answer the front gives itself instead of asking Prism. */
export interface Refusal {
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
  /** Why, in Prism's `sl-violations` header format, so clients see the cause like Prism's own. */
  readonly violation?: { readonly location: readonly string[]; readonly message: string };
}

/** What a request looks like to the guards: the exact bytes received and where parameters can be. */
export interface GuardedRequest {
  readonly body: Uint8Array;
  readonly headers: IncomingHttpHeaders;
  readonly query: URLSearchParams;
}

/** What the credential check knows of the spec and the test secrets. */
export interface CredentialContext {
  /** Credential option → the value the mocks expect. */
  readonly secrets: Readonly<Record<string, string>>;
  /** Schemes whose value is compared with the secret (x-credential, x-signature); others are left to Prism. */
  readonly checked: ReadonlySet<string>;
  readonly unauthorized: ReadonlyMap<string, XMockUnauthorized>;
}

/** A request header as one string (repeated ones joined, as HTTP joins them). */
function headerText(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = readHeader(headers, name);
  return typeof value === "string" || value === undefined ? value : value.join(", ");
}

function cookieValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const pair of (headerText(headers, "cookie") ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/** Where a parameter or credential is in a request, or undefined when it is not sent. */
export function sentValue(request: GuardedRequest, location: string, name: string): string | undefined {
  switch (location) {
    case "header":
      return headerText(request.headers, name);
    case "cookie":
      return cookieValue(request.headers, name);
    case "query":
      return request.query.get(name) ?? undefined;
    default:
      return undefined;
  }
}

type Problem = "missing" | "wrong";

/** What is wrong with one scheme's part of the request, or undefined when it is right (or not ours to check). */
function problemOf(auth: AuthModel, request: GuardedRequest, context: CredentialContext): Problem | undefined {
  if (auth.kind === "credential" && !context.checked.has(auth.scheme)) return undefined;
  const sent = sentValue(request, auth.kind === "signature" ? "header" : auth.in, auth.name);
  if (sent === undefined || sent === "") return "missing";
  const secret = context.secrets[auth.option];
  if (secret === undefined) return "wrong";
  const expected =
    auth.kind === "signature"
      ? getRequestSigner(auth.algorithm)(request.body, secret)
      : auth.prefix + (auth.encoding === "base64" ? Buffer.from(secret, "utf8").toString("base64") : secret);
  return sameText(expected, sent) ? undefined : "wrong";
}

/** A documented answer of the operation: the named example of that status, else its first. */
function documentedAnswer(operation: MockOperation, ref: MockAnswerRef): Refusal | undefined {
  const response = operation.model.responses.find((r) => r.status === String(ref.status));
  if (response?.contentType === undefined) return undefined;
  const examples = response.examples;
  const name = ref.example ?? Object.keys(examples)[0];
  if (name === undefined || !(name in examples)) return undefined;
  return { status: ref.status, contentType: response.contentType, body: examples[name] };
}

function where(auth: AuthModel): string {
  return auth.kind === "signature" ? `signature in header ${auth.name}` : `credential in ${auth.in} ${auth.name}`;
}

/**
 * Checks every credential the operation's security names the way the provider does: a value
 * declared with x-credential must equal its prefix plus the test secret, a signature must be
 * the declared algorithm over the exact bytes received. Alternatives are ORed; within one, every
 * scheme must pass. A refusal is the scheme's `x-mock-unauthorized` answer for the case, else
 * the operation's first documented 401 example, else its 403. Neither values nor secrets are
 * ever named in it.
 */
export function checkCredentials(
  operation: MockOperation,
  request: GuardedRequest,
  context: CredentialContext,
): Refusal | undefined {
  const alternatives = operation.model.security;
  if (alternatives.length === 0) return undefined;
  let first: { auth: AuthModel; problem: Problem } | undefined;
  for (const schemes of alternatives) {
    const failures = schemes.flatMap((auth) => {
      const problem = problemOf(auth, request, context);
      return problem === undefined ? [] : [{ auth, problem }];
    });
    if (failures.length === 0) return undefined;
    first ??= failures[0];
  }
  const { auth, problem } = first!;
  const declared = context.unauthorized.get(auth.scheme)?.[problem];
  const answer = (declared === undefined ? undefined : documentedAnswer(operation, declared)) ??
    documentedAnswer(operation, { status: 401 }) ??
    documentedAnswer(operation, { status: 403 }) ?? {
      status: 401,
      contentType: "application/json",
      body: { message: `mock front: ${problem} credential` },
    };
  const location = ["request", auth.kind === "signature" ? "header" : auth.in, auth.name];
  return { ...answer, violation: { location, message: `${problem} ${where(auth)} (checked by the mock front)` } };
}

/** The refusal of a request that breaks the spec: the provider's template, else the documented 422, else 400. */
export function invalidRequest(operation: MockOperation, violations: readonly [Violation, ...Violation[]]): Refusal {
  const violation = {
    location: ["request", violations[0].in],
    message: [...new Set(violations.map((v) => v.message))].join("; "),
  };
  if (operation.invalid !== undefined) {
    return {
      status: operation.invalid.status,
      contentType: "application/json",
      body: renderRefusal(operation.invalid, violations),
      violation,
    };
  }
  const documented = documentedAnswer(operation, { status: 422 }) ?? documentedAnswer(operation, { status: 400 });
  if (documented !== undefined) return { ...documented, violation };
  return {
    status: 422,
    contentType: "application/problem+json",
    body: {
      type: "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY",
      title: "Invalid request",
      status: 422,
      detail: violation.message,
    },
    violation,
  };
}

/** `x-exactly-one-of`, which Prism cannot check: exactly one of the named parameters is sent. */
export function checkExactlyOneOf(operation: MockOperation, request: GuardedRequest): Refusal | undefined {
  const names = operation.model.exactlyOneOf;
  if (names === undefined) return undefined;
  const located = names.map((name) => ({
    name,
    in: operation.model.parameters.find((p) => p.name === name)?.in ?? "query",
  }));
  // Path parameters are always there once the route matched.
  const given = located.filter((p) => p.in === "path" || sentValue(request, p.in, p.name) !== undefined);
  if (given.length === 1) return undefined;
  const message = `exactly one of ${names.join(", ")} is required (x-exactly-one-of), got ${given.length === 0 ? "none" : given.map((p) => p.name).join(", ")}`;
  const [head, ...rest] = located.map((p): Violation => ({ in: p.in, field: p.name, rule: "exactlyOneOf", message }));
  return invalidRequest(operation, [head!, ...rest]);
}
