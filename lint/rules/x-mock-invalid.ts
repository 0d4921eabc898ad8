import type { Oas3Rule, UserContext } from "@redocly/openapi-core";
import { invalidProblems, parseXMockInvalid, type XMockInvalid } from "../../generator/extensions/x-mock-invalid.js";
import { isWebhook, mockOperationContext } from "./x-mock-context.js";
import { reportProblems } from "./report.js";

const KEY = "x-mock-invalid";

/**
 * `x-mock-invalid` (at the root, or on an operation) is a well-formed refusal template whose
 * status every operation it applies to documents with a JSON body.
 */
export const xMockInvalid: Oas3Rule = () => {
  // The root is entered before any operation; its declaration applies to those without their own.
  let root: XMockInvalid | undefined;
  return {
    Root(node: object, ctx: UserContext) {
      const value = (node as Record<string, unknown>)[KEY];
      if (value === undefined) return;
      const parsed = parseXMockInvalid(value);
      reportProblems(ctx, KEY, parsed);
      if (parsed.ok) root = parsed.value;
    },
    Operation(node: object, ctx: UserContext) {
      if (isWebhook(ctx)) return;
      const operation = node as Record<string, unknown>;
      let effective = root;
      if (operation[KEY] !== undefined) {
        const parsed = parseXMockInvalid(operation[KEY]);
        reportProblems(ctx, KEY, parsed);
        if (!parsed.ok) return;
        effective = parsed.value;
      }
      if (effective === undefined) return;
      const problems = invalidProblems(effective, mockOperationContext(operation, ctx).responses);
      if (operation[KEY] !== undefined) {
        reportProblems(ctx, KEY, { ok: false, problems });
        return;
      }
      for (const problem of problems) {
        ctx.report({ message: `the root's x-mock-invalid answers ${effective.status}, but ${problem.message}`, location: ctx.location.child(["responses"]).key() });
      }
    },
  };
};
