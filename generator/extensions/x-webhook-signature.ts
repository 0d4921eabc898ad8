import type { LintContext, LintRule } from "../spec/lint-context.js";
import { isRecord } from "../runtime/records.js";
import { webhookAlgorithms } from "../runtime/webhook-algorithms.js";
import { bodyKindOf } from "../runtime/webhook-body.js";
import type { WebhookSignatureSpec } from "../runtime/webhook-types.js";
import { type Deref, lintDeref } from "../spec/deref.js";
import { methodsOf } from "../spec/methods.js";
import { propertySchema } from "../spec/schema-pointer.js";
import {
  identifier,
  isWebhook,
  lintView,
  nonEmptyString,
  type Parsed,
  type Problem,
  reportProblems,
  under,
  unknownKeys,
} from "./problem.js";

/** What the lint rule and the model both say about the webhooks of a spec. */
export const webhookMessages = {
  oneOperation: (methods: readonly string[]) =>
    methods.length === 0
      ? "a webhook describes one notification: declare its operation (usually post)"
      : `unsupported: a webhook with several operations (${methods.join(", ")}); declare one notification per webhook name`,
  missing: "a webhook needs x-webhook-signature: how its notifications are signed and verified",
  overlap: (earlier: string, later: string) =>
    `a notification could be both "${earlier}" and "${later}"; give each a match that differs on a shared field`,
};

/**
 * `x-webhook-signature` on a webhook's operation: how its notifications are signed, and (when
 * a spec has several webhooks) which bodies are this webhook. The parsed value is the runtime's
 * declaration plus the verifier option's description.
 */
export type XWebhookSignature = WebhookSignatureSpec & {
  /** Documents the verifier option. */
  readonly description?: string;
};

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
function fieldProblems(
  field: string,
  path: readonly (string | number)[],
  what: string,
  context: WebhookSignatureContext,
  mustBeRequired: boolean,
): Problem[] {
  return context.bodies.flatMap(({ mediaType, schema }) => {
    if (propertySchema(schema, field, context.deref) === undefined) {
      return [{ path, message: `${what} "${field}" is not a property of the ${mediaType} body schema` }];
    }
    return mustBeRequired && !isRequired(schema, field, context.deref)
      ? [{ path, message: `${what} "${field}" must be required in the ${mediaType} body schema` }]
      : [];
  });
}

function matchProblems(match: unknown, context: WebhookSignatureContext): Problem[] {
  if (!isRecord(match) || Object.keys(match).length === 0) {
    return [
      {
        path: ["match"],
        message:
          "x-webhook-signature.match must map at least one body field to the list of values that select this webhook",
      },
    ];
  }
  return Object.entries(match).flatMap(([field, values]): Problem[] => {
    const at = ["match", field];
    if (
      !Array.isArray(values) ||
      values.length === 0 ||
      !values.every((v) => ["string", "number", "boolean"].includes(typeof v))
    ) {
      return [
        {
          path: at,
          message: `x-webhook-signature.match.${field} must be a non-empty list of strings, numbers or booleans`,
        },
      ];
    }
    const problems = fieldProblems(field, at, "the match field", context, true);
    if (problems.length > 0) return problems;
    return context.bodies.flatMap(({ mediaType, schema }) => {
      const property = context.deref(propertySchema(schema, field, context.deref));
      if (!isRecord(property)) return [];
      const allowed = "const" in property ? [property.const] : Array.isArray(property.enum) ? property.enum : undefined;
      const kind = bodyKindOf(mediaType);
      return values.flatMap((v, i) =>
        allowed === undefined || allowed.some((a) => a === v || (kind === "form" && a === String(v)))
          ? []
          : [
              {
                path: [...at, i],
                message: `${JSON.stringify(v)} is not a value the ${mediaType} body schema allows for "${field}"`,
              },
            ],
      );
    });
  });
}

function claimProblems(claims: unknown, context: WebhookSignatureContext): Problem[] {
  if (!isRecord(claims) || Object.keys(claims).length === 0) {
    return [
      {
        path: ["claims"],
        message: "x-webhook-signature.claims must map each token claim to { field, optionalPrefix?, pattern? }",
      },
    ];
  }
  return Object.entries(claims).flatMap(([claim, binding]): Problem[] => {
    const at = ["claims", claim];
    if (!isRecord(binding))
      return [
        {
          path: at,
          message: `x-webhook-signature.claims.${claim} must be an object { field, optionalPrefix?, pattern? }`,
        },
      ];
    const problems = [
      ...under(at, unknownKeys(binding, ["field", "optionalPrefix", "pattern"])),
      ...nonEmptyString(binding.field, [...at, "field"], `x-webhook-signature.claims.${claim}.field`),
    ];
    if (binding.optionalPrefix !== undefined) {
      problems.push(
        ...nonEmptyString(
          binding.optionalPrefix,
          [...at, "optionalPrefix"],
          `x-webhook-signature.claims.${claim}.optionalPrefix`,
        ),
      );
    }
    if (binding.pattern !== undefined && !isRegExp(binding.pattern)) {
      problems.push({
        path: [...at, "pattern"],
        message: `x-webhook-signature.claims.${claim}.pattern must be a regular expression (JavaScript syntax)`,
      });
    }
    if (typeof binding.field === "string" && binding.field !== "")
      problems.push(...fieldProblems(binding.field, [...at, "field"], "the claim's field", context, true));
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
    problems.push({
      path: ["in"],
      message: `${String(value.algorithm)} carries its signature in the ${algorithm.signatureIn}, not the ${value.in}`,
    });
  }
  for (const { mediaType } of context.bodies) {
    const kind = bodyKindOf(mediaType);
    if (kind === undefined || !algorithm.bodies.includes(kind)) {
      const names = algorithm.bodies.map((b) => (b === "json" ? "JSON" : "form-encoded"));
      problems.push({
        path: ["algorithm"],
        message: `${String(value.algorithm)} verifies ${names.join(" or ")} bodies; the webhook declares ${mediaType}`,
      });
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
    return [
      { path: ["name"], message: `declare the signature header "${value.name}" as a header parameter of the webhook` },
    ];
  }
  return [];
}

export function parseXWebhookSignature(value: unknown, context: WebhookSignatureContext): Parsed<XWebhookSignature> {
  if (!isRecord(value))
    return { ok: false, problems: [{ path: [], message: `x-webhook-signature must be an object: ${SHAPE}` }] };
  const known = Object.keys(webhookAlgorithms);
  const problems: Problem[] = [
    ...unknownKeys(value, KEYS),
    ...identifier(value.secret, ["secret"], "x-webhook-signature.secret"),
  ];
  const algorithmKnown = typeof value.algorithm === "string" && known.includes(value.algorithm);
  if (!algorithmKnown) {
    problems.push({
      path: ["algorithm"],
      message: `x-webhook-signature.algorithm must be one of: ${known.join(", ")} (add new ones to generator/runtime/webhook-algorithms.ts with test vectors)`,
    });
  }
  if (value.in !== "body" && value.in !== "header")
    problems.push({ path: ["in"], message: "x-webhook-signature.in must be body or header" });
  problems.push(...nonEmptyString(value.name, ["name"], "x-webhook-signature.name"));
  if (context.bodies.length === 0)
    problems.push({
      path: [],
      message: "the webhook declares no request body to verify; declare JSON or form-encoded content",
    });
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
export function overlappingWebhooks(
  webhooks: readonly { readonly name: string; readonly match?: XWebhookSignature["match"] }[],
): [string, string][] {
  const disjoint = (a: XWebhookSignature["match"], b: XWebhookSignature["match"]): boolean =>
    Object.entries(a ?? {}).some(([field, values]) => {
      const other = b?.[field];
      return other !== undefined && !values.some((v) => other.includes(v));
    });
  return webhooks.flatMap((later, i) =>
    webhooks
      .slice(0, i)
      .filter((earlier) => !disjoint(earlier.match, later.match))
      .map((earlier): [string, string] => [earlier.name, later.name]),
  );
}

// The lint rule.

const KEY = "x-webhook-signature";

function checkOperation(operation: Record<string, unknown>, ctx: LintContext, required: boolean): void {
  const value = operation[KEY];
  if (!isWebhook(ctx)) {
    if (value !== undefined) {
      ctx.report({
        message:
          "x-webhook-signature belongs on a webhook (under webhooks:); requests are signed with x-signature on a security scheme",
        location: ctx.location.child([KEY]).key(),
      });
    }
    return;
  }
  if (value === undefined) {
    if (required) ctx.report({ message: webhookMessages.missing, location: ctx.location.key() });
    return;
  }
  const { parameters, deref } = lintView(operation, ctx);
  const content = deref(
    isRecord(deref(operation.requestBody))
      ? (deref(operation.requestBody) as Record<string, unknown>).content
      : undefined,
  );
  const bodies = Object.entries(isRecord(content) ? content : {}).map(([mediaType, media]) => {
    const resolved = deref(media);
    return { mediaType, schema: isRecord(resolved) ? resolved.schema : undefined };
  });
  const headers = parameters.filter((p) => p.in === "header").map((p) => p.name);
  reportProblems(ctx, KEY, parseXWebhookSignature(value, { bodies, headers, deref }));
}

/** Across webhooks: one operation each, and no body that two of them could claim. */
function checkWebhooks(root: Record<string, unknown>, ctx: LintContext): void {
  const deref = lintDeref(ctx);
  const webhooks = deref(root.webhooks);
  if (!isRecord(webhooks)) return;
  const declared: { name: string; method: string; match?: XWebhookSignature["match"] }[] = [];
  for (const [name, raw] of Object.entries(webhooks)) {
    const item = deref(raw);
    const methods = methodsOf(item);
    if (methods.length !== 1) {
      ctx.report({
        message: webhookMessages.oneOperation(methods),
        location: ctx.location.child(["webhooks", name]).key(),
      });
      continue;
    }
    const method = methods[0]!;
    const declaration = (item as Record<string, Record<string, unknown>>)[method]![KEY];
    // A missing or malformed declaration is the per-operation check's to report; comparing
    // it with the others would only repeat that.
    if (!isRecord(declaration)) continue;
    const match = declaration.match;
    if (match === undefined) declared.push({ name, method });
    else if (isRecord(match) && Object.values(match).every(Array.isArray))
      declared.push({ name, method, match: match as XWebhookSignature["match"] });
  }
  for (const [earlier, later] of overlappingWebhooks(declared)) {
    const webhook = declared.find((w) => w.name === later)!;
    ctx.report({
      message: webhookMessages.overlap(earlier, later),
      location: ctx.location.child(["webhooks", later, webhook.method, KEY, ...(webhook.match ? ["match"] : [])]),
    });
  }
}

/**
 * The lint rule: `x-webhook-signature` names a registered algorithm, a verifier option, and
 * where the signature travels, consistently with the webhook's body and headers, and their
 * `match`es tell every pair of webhooks apart. With the option `required: true` (this
 * project's redocly.yaml) every webhook must have one; elsewhere an unsigned webhook is only typed.
 */
export const xWebhookSignatureRule: LintRule = (options) => ({
  Root: {
    leave(root: object, ctx: LintContext) {
      checkWebhooks(root as Record<string, unknown>, ctx);
    },
  },
  Operation(node: object, ctx: LintContext) {
    checkOperation(node as Record<string, unknown>, ctx, options.required === true);
  },
});
