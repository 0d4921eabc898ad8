import { webhookAlgorithms } from "../runtime/webhook-algorithms.js";
import { bodyKindOf } from "../runtime/webhook-body.js";
import { escapeSegment } from "../model/json-pointer.js";
import { identifier, isRecord, nonEmptyString, type Parsed, type Problem, unknownKeys } from "./problem.js";
import { type Deref, schemaAtPointer } from "./schema-pointer.js";

export type MatchValue = string | number | boolean;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** What the lint rule and the model both say about the webhooks of a spec. */
export const webhookMessages = {
  oneOperation: (methods: readonly string[]) =>
    methods.length === 0
      ? "a webhook describes one notification: declare its operation (usually post)"
      : `unsupported: a webhook with several operations (${methods.join(", ")}); declare one notification per webhook name`,
  missing: "a webhook needs x-webhook-signature: how its notifications are signed and verified",
  overlap: (earlier: string, later: string) => `a notification could be both "${earlier}" and "${later}"; give each a match that differs on a shared field`,
};

/** The methods a webhook's path item declares operations for; a webhook must have exactly one. */
export function webhookMethods(pathItem: unknown): (typeof METHODS)[number][] {
  return isRecord(pathItem) ? METHODS.filter((m) => isRecord(pathItem[m])) : [];
}

/**
 * `x-webhook-signature` on a webhook's operation: how its notifications are signed, and (when
 * a spec has several webhooks) which bodies are this webhook.
 */
export interface XWebhookSignature {
  /** A name in the runtime's webhook-algorithm registry. */
  readonly algorithm: string;
  /** The verifier option holding the key. */
  readonly secret: string;
  /** Where the signature travels. */
  readonly in: "body" | "header";
  /** The body field or header carrying it. */
  readonly name: string;
  /** Top-level body field → the values that make a body this webhook. */
  readonly match?: Readonly<Record<string, readonly MatchValue[]>>;
  /** Token claim → the body field it must equal (token algorithms only). */
  readonly claims?: Readonly<Record<string, { readonly field: string; readonly optionalPrefix?: string; readonly pattern?: string }>>;
  /** Documents the verifier option. */
  readonly description?: string;
}

/** What the extension is checked against: the webhook's own declarations. */
export interface WebhookSignatureContext {
  /** Request body media types and their schemas. */
  readonly bodies: readonly { readonly mediaType: string; readonly schema: unknown }[];
  /** Names of the webhook's header parameters. */
  readonly headers: readonly string[];
  readonly deref: Deref;
}

const KEYS = ["algorithm", "secret", "in", "name", "match", "claims", "description"];
const SHAPE = "{ algorithm, secret, in: body|header, name, match?, claims?, description? }";

function isRequired(schema: unknown, field: string, deref: Deref): boolean {
  const node = deref(schema);
  if (!isRecord(node)) return false;
  if (Array.isArray(node.required) && node.required.includes(field)) return true;
  return Array.isArray(node.allOf) && node.allOf.some((branch) => isRequired(branch, field, deref));
}

/** Problems with a top-level body field the extension names, in every declared body schema. */
function fieldProblems(field: string, path: readonly (string | number)[], what: string, context: WebhookSignatureContext, mustBeRequired: boolean): Problem[] {
  return context.bodies.flatMap(({ mediaType, schema }) => {
    if (schemaAtPointer(schema, `/${escapeSegment(field)}`, context.deref) === undefined) {
      return [{ path, message: `${what} "${field}" is not a property of the ${mediaType} body schema` }];
    }
    return mustBeRequired && !isRequired(schema, field, context.deref)
      ? [{ path, message: `${what} "${field}" must be required in the ${mediaType} body schema` }]
      : [];
  });
}

function matchProblems(match: unknown, context: WebhookSignatureContext): Problem[] {
  if (!isRecord(match) || Object.keys(match).length === 0) {
    return [{ path: ["match"], message: "x-webhook-signature.match must map at least one body field to the list of values that select this webhook" }];
  }
  return Object.entries(match).flatMap(([field, values]): Problem[] => {
    const at = ["match", field];
    if (!Array.isArray(values) || values.length === 0 || !values.every((v) => ["string", "number", "boolean"].includes(typeof v))) {
      return [{ path: at, message: `x-webhook-signature.match.${field} must be a non-empty list of strings, numbers or booleans` }];
    }
    const problems = fieldProblems(field, at, "the match field", context, true);
    if (problems.length > 0) return problems;
    return context.bodies.flatMap(({ mediaType, schema }) => {
      const property = context.deref(schemaAtPointer(schema, `/${escapeSegment(field)}`, context.deref));
      if (!isRecord(property)) return [];
      const allowed = "const" in property ? [property.const] : Array.isArray(property.enum) ? property.enum : undefined;
      const kind = bodyKindOf(mediaType);
      return values.flatMap((v, i) =>
        allowed === undefined || allowed.some((a) => a === v || (kind === "form" && a === String(v)))
          ? []
          : [{ path: [...at, i], message: `${JSON.stringify(v)} is not a value the ${mediaType} body schema allows for "${field}"` }],
      );
    });
  });
}

function claimProblems(claims: unknown, context: WebhookSignatureContext): Problem[] {
  if (!isRecord(claims) || Object.keys(claims).length === 0) {
    return [{ path: ["claims"], message: "x-webhook-signature.claims must map each token claim to { field, optionalPrefix?, pattern? }" }];
  }
  return Object.entries(claims).flatMap(([claim, binding]): Problem[] => {
    const at = ["claims", claim];
    if (!isRecord(binding)) return [{ path: at, message: `x-webhook-signature.claims.${claim} must be an object { field, optionalPrefix?, pattern? }` }];
    const problems = [
      ...unknownKeys(binding, ["field", "optionalPrefix", "pattern"]).map((p) => ({ ...p, path: [...at, ...p.path] })),
      ...nonEmptyString(binding.field, [...at, "field"], `x-webhook-signature.claims.${claim}.field`),
    ];
    if (binding.optionalPrefix !== undefined) {
      problems.push(...nonEmptyString(binding.optionalPrefix, [...at, "optionalPrefix"], `x-webhook-signature.claims.${claim}.optionalPrefix`));
    }
    if (binding.pattern !== undefined && !isRegExp(binding.pattern)) {
      problems.push({ path: [...at, "pattern"], message: `x-webhook-signature.claims.${claim}.pattern must be a regular expression (JavaScript syntax)` });
    }
    if (typeof binding.field === "string" && binding.field !== "") problems.push(...fieldProblems(binding.field, [...at, "field"], "the claim's field", context, true));
    return problems;
  });
}

function isRegExp(value: unknown): boolean {
  if (typeof value !== "string" || value === "") return false;
  try {
    new RegExp(value, "u");
    return true;
  } catch {
    return false;
  }
}

/** Problems that need a known algorithm: where its signature goes, what it can read, claims. */
function algorithmProblems(value: Record<string, unknown>, context: WebhookSignatureContext): Problem[] {
  const algorithm = webhookAlgorithms[value.algorithm as string]!;
  const problems: Problem[] = [];
  if ((value.in === "body" || value.in === "header") && value.in !== algorithm.signatureIn) {
    problems.push({ path: ["in"], message: `${String(value.algorithm)} carries its signature in the ${algorithm.signatureIn}, not the ${value.in}` });
  }
  for (const { mediaType } of context.bodies) {
    const kind = bodyKindOf(mediaType);
    if (kind === undefined || !algorithm.bodies.includes(kind)) {
      const names = algorithm.bodies.map((b) => (b === "json" ? "JSON" : "form-encoded"));
      problems.push({ path: ["algorithm"], message: `${String(value.algorithm)} verifies ${names.join(" or ")} bodies; the webhook declares ${mediaType}` });
    }
  }
  if (value.claims !== undefined && !algorithm.takesClaims) {
    problems.push({ path: ["claims"], message: `${String(value.algorithm)} signs no token, so it takes no claims` });
  }
  return problems;
}

function placementProblems(value: Record<string, unknown>, context: WebhookSignatureContext): Problem[] {
  if (typeof value.name !== "string" || value.name === "") return [];
  if (value.in === "body") return fieldProblems(value.name, ["name"], "the signature field", context, true);
  if (value.in === "header" && !context.headers.some((h) => h.toLowerCase() === (value.name as string).toLowerCase())) {
    return [{ path: ["name"], message: `declare the signature header "${value.name}" as a header parameter of the webhook` }];
  }
  return [];
}

export function parseXWebhookSignature(value: unknown, context: WebhookSignatureContext): Parsed<XWebhookSignature> {
  if (!isRecord(value)) return { ok: false, problems: [{ path: [], message: `x-webhook-signature must be an object: ${SHAPE}` }] };
  const known = Object.keys(webhookAlgorithms);
  const problems: Problem[] = [...unknownKeys(value, KEYS), ...identifier(value.secret, ["secret"], "x-webhook-signature.secret")];
  const algorithmKnown = typeof value.algorithm === "string" && known.includes(value.algorithm);
  if (!algorithmKnown) {
    problems.push({
      path: ["algorithm"],
      message: `x-webhook-signature.algorithm must be one of: ${known.join(", ")} (add new ones to generator/runtime/webhook-algorithms.ts with test vectors)`,
    });
  }
  if (value.in !== "body" && value.in !== "header") problems.push({ path: ["in"], message: "x-webhook-signature.in must be body or header" });
  problems.push(...nonEmptyString(value.name, ["name"], "x-webhook-signature.name"));
  if (context.bodies.length === 0) problems.push({ path: [], message: "the webhook declares no request body to verify; declare JSON or form-encoded content" });
  if (algorithmKnown) problems.push(...algorithmProblems(value, context));
  problems.push(...placementProblems(value, context));
  if (value.match !== undefined) problems.push(...matchProblems(value.match, context));
  if (value.claims !== undefined) problems.push(...claimProblems(value.claims, context));
  if (value.description !== undefined && typeof value.description !== "string") {
    problems.push({ path: ["description"], message: "x-webhook-signature.description must be a string" });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: value as unknown as XWebhookSignature };
}

/**
 * Pairs of webhooks one body could be both of. Two webhooks are told apart when some field is
 * in both `match`es with no value in common; a webhook without `match` takes every body.
 */
export function overlappingWebhooks(webhooks: readonly { readonly name: string; readonly match?: XWebhookSignature["match"] }[]): [string, string][] {
  const disjoint = (a: XWebhookSignature["match"], b: XWebhookSignature["match"]): boolean =>
    Object.entries(a ?? {}).some(([field, values]) => {
      const other = b?.[field];
      return other !== undefined && !values.some((v) => other.includes(v));
    });
  return webhooks.flatMap((later, i) => webhooks.slice(0, i).filter((earlier) => !disjoint(earlier.match, later.match)).map((earlier): [string, string] => [earlier.name, later.name]));
}
