import type { Oas3Rule, UserContext } from "@redocly/openapi-core";
import { isRecord } from "../../generator/extensions/problem.js";
import { parseXMockUnauthorized, unauthorizedProblems, type XMockUnauthorized } from "../../generator/extensions/x-mock-unauthorized.js";
import { derefWith, reportProblems } from "./report.js";
import { isWebhook, mockOperationContext } from "./x-mock-context.js";

const KEY = "x-mock-unauthorized";

/**
 * `x-mock-unauthorized` on a security scheme is well-formed, and every operation using the
 * scheme documents the answers it names.
 */
export const xMockUnauthorized: Oas3Rule = () => {
  // Schemes are read at the root, which is entered before any operation.
  const declared = new Map<string, XMockUnauthorized>();
  let defaultSecurity: unknown;
  return {
    Root(node: object, ctx: UserContext) {
      const root = node as Record<string, unknown>;
      defaultSecurity = root.security;
      const deref = derefWith(ctx);
      const components = deref(root.components);
      const schemes = isRecord(components) ? deref(components.securitySchemes) : undefined;
      for (const [name, raw] of Object.entries(isRecord(schemes) ? schemes : {})) {
        const scheme = deref(raw);
        const parsed = isRecord(scheme) && scheme[KEY] !== undefined ? parseXMockUnauthorized(scheme[KEY]) : undefined;
        if (parsed?.ok) declared.set(name, parsed.value);
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
      for (const name of names) {
        const refusal = declared.get(name);
        for (const problem of refusal === undefined ? [] : unauthorizedProblems(refusal, responses)) {
          ctx.report({ message: `security scheme "${name}" has x-mock-unauthorized.${String(problem.path[0])}, but ${problem.message}`, location: ctx.location.child(["responses"]).key() });
        }
      }
    },
  };
};
