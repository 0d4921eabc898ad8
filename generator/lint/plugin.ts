import type { Oas3Rule, Plugin } from "@redocly/openapi-core";
import type { LintRule } from "../spec/lint-context.js";
import { xBatchRule } from "../extensions/x-batch.js";
import { xClientOptionRule } from "../extensions/x-client-option.js";
import { xCredentialRule } from "../extensions/x-credential.js";
import { xExactlyOneOfRule } from "../extensions/x-exactly-one-of.js";
import { xIdempotentRule } from "../extensions/x-idempotent.js";
import { xMockInvalidRule } from "../extensions/x-mock-invalid.js";
import { xMockPagesRule } from "../extensions/x-mock-pages.js";
import { xMockUnauthorizedRule } from "../extensions/x-mock-unauthorized.js";
import { xPaginationRule } from "../extensions/x-pagination.js";
import { xRequestIdRule } from "../extensions/x-request-id.js";
import { xSignatureRule } from "../extensions/x-signature.js";
import { xWebhookSignatureRule } from "../extensions/x-webhook-signature.js";
import { operationErrorResponse } from "./operation-error-response.js";

/** The project's rules by name: each vendor extension's own, and the conventions of this folder. */
const RULES: Readonly<Record<string, LintRule>> = {
  "operation-error-response": operationErrorResponse,
  "x-batch": xBatchRule,
  "x-client-option": xClientOptionRule,
  "x-credential": xCredentialRule,
  "x-exactly-one-of": xExactlyOneOfRule,
  "x-idempotent": xIdempotentRule,
  "x-mock-invalid": xMockInvalidRule,
  "x-mock-pages": xMockPagesRule,
  "x-mock-unauthorized": xMockUnauthorizedRule,
  "x-pagination": xPaginationRule,
  "x-request-id": xRequestIdRule,
  "x-signature": xSignatureRule,
  "x-webhook-signature": xWebhookSignatureRule,
};

/**
 * The plugin as a module that the real Redocly CLI loads (redocly.yaml `plugins:`) declares it:
 * rule ids without the prefix, which Redocly adds (`payspec/x-batch`).
 */
export function payspecPluginModule(): Plugin {
  return { id: "payspec", rules: { oas3: asRedoclyRules(RULES) } };
}

/**
 * The rules as Redocly types them. They are written against LintContext, the part of Redocly's
 * rule context they use (so the extension modules need no Redocly type); Redocly's context has
 * all of it, so each rule is one of its own.
 */
function asRedoclyRules(rules: Readonly<Record<string, LintRule>>): Record<string, Oas3Rule> {
  return rules as unknown as Record<string, Oas3Rule>;
}

/**
 * The same rules handed to `loadConfig` as an object (the generator's own loading, which does
 * not import plugin files): there ids are used as written, so they carry the prefix.
 */
export const payspecPlugin: Plugin = {
  id: "payspec",
  rules: {
    oas3: asRedoclyRules(Object.fromEntries(Object.entries(RULES).map(([id, rule]) => [`payspec/${id}`, rule]))),
  },
};
