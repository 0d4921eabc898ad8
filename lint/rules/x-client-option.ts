import type { Oas3Rule, UserContext } from "@redocly/openapi-core";
import { isRecord } from "../../generator/extensions/problem.js";
import { bodyProperties, parseXClientOption } from "../../generator/extensions/x-client-option.js";
import { operationContext } from "./operation-context.js";
import { reportProblems } from "./report.js";

const KEY = "x-client-option";

/**
 * `x-client-option` names a client option (an identifier, not a built-in option) and sits on a
 * parameter or on a top-level property of a JSON request body; anywhere else it would be
 * silently ignored, so it is reported.
 */
export const xClientOption: Oas3Rule = () => {
  const allowed = new Set<object>();
  const found: { node: object; report: () => void }[] = [];
  return {
    Parameter(node: object, ctx: UserContext) {
      const value = (node as Record<string, unknown>)[KEY];
      if (value !== undefined) reportProblems(ctx, KEY, parseXClientOption(value));
    },
    Operation(node: object, ctx: UserContext) {
      const { bodySchema, deref } = operationContext(node as Record<string, unknown>, ctx);
      for (const property of Object.values(bodyProperties(bodySchema, deref))) {
        const resolved = deref(property);
        if (isRecord(resolved)) allowed.add(resolved);
        if (isRecord(property)) allowed.add(property);
      }
    },
    Schema(node: object, ctx: UserContext) {
      const value = (node as Record<string, unknown>)[KEY];
      if (value === undefined) return;
      const location = ctx.location.child([KEY]);
      found.push({
        node,
        report: () => ctx.report({ message: "x-client-option belongs on a parameter or a top-level property of a JSON request body", location }),
      });
      reportProblems(ctx, KEY, parseXClientOption(value));
    },
    Root: {
      leave() {
        for (const { node, report } of found) if (!allowed.has(node)) report();
      },
    },
  };
};
