import type { Oas3Rule, UserContext } from "@redocly/openapi-core";
import { isRecord } from "../../generator/extensions/problem.js";
import { parseXMockUnauthorized, unauthorizedProblems, type XMockUnauthorized } from "../../generator/extensions/x-mock-unauthorized.js";
import { derefWith, reportProblems } from "./report.js";
import { isWebhook, mockOperationContext } from "./x-mock-context.js";

const KEY = "x-mock-unauthorized";

/** What the mocks check of a scheme, and the refusals it declares. */
interface Scheme {
  /** x-credential or x-signature: the mocks compare the value with the test secret. */
  readonly checked: boolean;
  readonly refusal?: XMockUnauthorized;
}

/**
 * `x-mock-unauthorized` on a security scheme is well-formed, and every operation using the
 * scheme documents the answers it names. An operation using a scheme whose value the mocks
 * check (x-credential, x-signature) must document the refusal they give: the declared one, else
 * a 401 or 403 with a JSON body.
 */
export const xMockUnauthorized: Oas3Rule = () => {
  const schemes = new Map<string, Scheme>();
  let defaultSecurity: unknown;
  return {
    Root(node: object, ctx: UserContext) {
      const root = node as Record<string, unknown>;
      defaultSecurity = root.security;
      const deref = derefWith(ctx);
      const components = deref(root.components);
      const declared = isRecord(components) ? deref(components.securitySchemes) : undefined;
      for (const [name, raw] of Object.entries(isRecord(declared) ? declared : {})) {
        const scheme = deref(raw);
        if (!isRecord(scheme)) continue;
        const parsed = scheme[KEY] === undefined ? undefined : parseXMockUnauthorized(scheme[KEY]);
        schemes.set(name, { checked: scheme["x-credential"] !== undefined || scheme["x-signature"] !== undefined, ...(parsed?.ok ? { refusal: parsed.value } : {}) });
      }
    },
    SecurityScheme(scheme: Record<string, unknown>, ctx: UserContext) {
      if (scheme[KEY] !== undefined) reportProblems(ctx, KEY, parseXMockUnauthorized(scheme[KEY]));
    },
    Operation(node: object, ctx: UserContext) {
      if (isWebhook(ctx)) return;
      const operation = node as Record<string, unknown>;
      const security = operation.security ?? defaultSecurity;
      const names = new Set((Array.isArray(security) ? security : []).flatMap((requirement) => (isRecord(requirement) ? Object.keys(requirement) : [])));
      const { responses } = mockOperationContext(operation, ctx);
      const refusesWith = ["401", "403"].some((status) => Array.isArray(responses[status]));
      for (const name of names) {
        const scheme = schemes.get(name);
        if (scheme === undefined) continue;
        const problems = scheme.refusal === undefined ? [] : unauthorizedProblems(scheme.refusal, responses);
        for (const problem of problems) {
          ctx.report({ message: `security scheme "${name}" has x-mock-unauthorized.${String(problem.path[0])}, but ${problem.message}`, location: ctx.location.child(["responses"]).key() });
        }
        const undeclared = scheme.refusal === undefined || scheme.refusal.missing === undefined || scheme.refusal.wrong === undefined;
        if (scheme.checked && undeclared && !refusesWith) {
          ctx.report({
            message: `security scheme "${name}" is checked by the mock servers; document the 401 or 403 answer (with a JSON body) they refuse a missing or wrong credential with, or name another in its x-mock-unauthorized`,
            location: ctx.location.child(["responses"]).key(),
          });
        }
      }
    },
  };
};
