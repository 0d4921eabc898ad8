import type { Oas3Rule, UserContext } from "@redocly/openapi-core";
import { isRecord } from "../../generator/extensions/problem.js";
import {
  overlappingWebhooks,
  parseXWebhookSignature,
  webhookMessages,
  webhookMethods,
  type XWebhookSignature,
} from "../../generator/extensions/x-webhook-signature.js";
import { operationContext } from "./operation-context.js";
import { derefWith, reportProblems } from "./report.js";

const KEY = "x-webhook-signature";

function isWebhook(ctx: UserContext): boolean {
  return ctx.location.pointer.startsWith("#/webhooks/");
}

function checkOperation(operation: Record<string, unknown>, ctx: UserContext, required: boolean): void {
  const value = operation[KEY];
  if (!isWebhook(ctx)) {
    if (value !== undefined) {
      ctx.report({
        message: "x-webhook-signature belongs on a webhook (under webhooks:); requests are signed with x-signature on a security scheme",
        location: ctx.location.child([KEY]).key(),
      });
    }
    return;
  }
  if (value === undefined) {
    if (required) ctx.report({ message: webhookMessages.missing, location: ctx.location.key() });
    return;
  }
  const { parameters, deref } = operationContext(operation, ctx);
  const requestBody = deref(operation.requestBody);
  const content = isRecord(requestBody) ? deref(requestBody.content) : undefined;
  const bodies = Object.entries(isRecord(content) ? content : {}).map(([mediaType, media]) => {
    const resolved = deref(media);
    return { mediaType, schema: isRecord(resolved) ? resolved.schema : undefined };
  });
  const headers = parameters.filter((p) => p.in === "header").map((p) => p.name);
  reportProblems(ctx, KEY, parseXWebhookSignature(value, { bodies, headers, deref }));
}

/** Across webhooks: one operation each, and no body that two of them could claim. */
function checkWebhooks(root: Record<string, unknown>, ctx: UserContext): void {
  const deref = derefWith(ctx);
  const webhooks = deref(root.webhooks);
  if (!isRecord(webhooks)) return;
  const declared: { name: string; method: string; match?: XWebhookSignature["match"] }[] = [];
  for (const [name, raw] of Object.entries(webhooks)) {
    const item = deref(raw);
    const methods = webhookMethods(item);
    if (methods.length !== 1) {
      ctx.report({ message: webhookMessages.oneOperation(methods), location: ctx.location.child(["webhooks", name]).key() });
      continue;
    }
    const method = methods[0]!;
    const declaration = (item as Record<string, Record<string, unknown>>)[method]![KEY];
    // A missing or malformed declaration is the per-operation check's to report; comparing
    // it with the others would only repeat that.
    if (!isRecord(declaration)) continue;
    const match = declaration.match;
    if (match === undefined) declared.push({ name, method });
    else if (isRecord(match) && Object.values(match).every(Array.isArray)) declared.push({ name, method, match: match as XWebhookSignature["match"] });
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
 * `x-webhook-signature` names a registered algorithm, a verifier option, and where the
 * signature travels, consistently with the webhook's body and headers, and their `match`es
 * tell every pair of webhooks apart. With the option `required: true` (this project's
 * redocly.yaml) every webhook must have one; elsewhere an unsigned webhook is only typed.
 */
export const xWebhookSignature: Oas3Rule = (options) => ({
  Root: {
    leave(root: object, ctx: UserContext) {
      checkWebhooks(root as Record<string, unknown>, ctx);
    },
  },
  Operation(node: object, ctx: UserContext) {
    checkOperation(node as Record<string, unknown>, ctx, options.required === true);
  },
});
