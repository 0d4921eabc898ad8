import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { AuthModel, OperationModel, ResponseModel } from "../generator/model/types.js";
import { getRequestSigner } from "../generator/runtime/signing.js";

/** An answer the front gives itself instead of asking Prism. */
export interface Refusal {
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
  /** Why, in Prism's `sl-violations` header format, so clients see the cause like Prism's own. */
  readonly violation?: { readonly location: readonly string[]; readonly message: string };
}

/** What a request looks like to the guards: the raw body and where parameters can be. */
export interface GuardedRequest {
  readonly body: string;
  readonly headers: IncomingHttpHeaders;
  readonly query: URLSearchParams;
}

function firstExample(response: ResponseModel | undefined): { found: true; value: unknown } | { found: false } {
  const values = Object.values(response?.examples ?? {});
  return values.length > 0 ? { found: true, value: values[0] } : { found: false };
}

function documented(operation: OperationModel, status: string): ResponseModel | undefined {
  return operation.responses.find((r) => r.status === status);
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  // timingSafeEqual needs equal lengths; a length mismatch is a mismatch anyway.
  return left.length === right.length && timingSafeEqual(left, right);
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : value;
}

function signatureValid(auth: Extract<AuthModel, { kind: "signature" }>, request: GuardedRequest, secrets: Readonly<Record<string, string>>): boolean {
  const sent = headerValue(request.headers, auth.name);
  const secret = secrets[auth.option];
  if (sent === undefined || secret === undefined) return false;
  return sameText(getRequestSigner(auth.algorithm)(request.body, secret), sent);
}

/**
 * Prism checks that a signature header is present, not that it is right. Security
 * alternatives are ORed: the request passes when one alternative has all its signatures
 * right (an alternative without signatures is left to Prism).
 */
export function checkSignature(operation: OperationModel, request: GuardedRequest, secrets: Readonly<Record<string, string>>): Refusal | undefined {
  const alternatives = operation.security.map((schemes) => schemes.filter((a): a is Extract<AuthModel, { kind: "signature" }> => a.kind === "signature"));
  if (alternatives.length === 0 || alternatives.some((signatures) => signatures.length === 0)) return undefined;
  if (alternatives.some((signatures) => signatures.every((auth) => signatureValid(auth, request, secrets)))) return undefined;
  const example = firstExample(documented(operation, "401"));
  const headers = [...new Set(alternatives.flat().map((auth) => auth.name))];
  return {
    status: 401,
    contentType: "application/json",
    body: example.found ? example.value : { message: "invalid signature" },
    violation: { location: ["request", "header", ...headers], message: `missing or wrong signature in header ${headers.join(", ")} (checked by the mock front)` },
  };
}

function present(operation: OperationModel, name: string, request: GuardedRequest): boolean {
  const parameter = operation.parameters.find((p) => p.name === name);
  switch (parameter?.in) {
    case "header":
      return headerValue(request.headers, name) !== undefined;
    case "cookie":
      return (headerValue(request.headers, "cookie") ?? "").split(";").some((pair) => pair.split("=")[0]?.trim() === name);
    case "path":
      // Path parameters are always there once the route matched.
      return true;
    default:
      return request.query.has(name);
  }
}

/** `x-exactly-one-of`, which Prism cannot check: exactly one of the named parameters is sent. */
export function checkExactlyOneOf(operation: OperationModel, request: GuardedRequest): Refusal | undefined {
  const names = operation.exactlyOneOf;
  if (names === undefined) return undefined;
  const given = names.filter((name) => present(operation, name, request));
  if (given.length === 1) return undefined;
  const violation = {
    location: ["request"],
    message: `exactly one of ${names.join(", ")} is required (x-exactly-one-of), got ${given.length === 0 ? "none" : given.join(", ")} (checked by the mock front)`,
  };
  for (const status of ["422", "400"]) {
    const response = documented(operation, status);
    const example = firstExample(response);
    if (example.found) return { status: Number(status), contentType: response?.contentType ?? "application/json", body: example.value, violation };
  }
  return {
    status: 422,
    contentType: "application/problem+json",
    body: {
      type: "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY",
      title: "Invalid request",
      status: 422,
      detail: `exactly one of ${names.join(", ")} is required`,
    },
    violation,
  };
}
