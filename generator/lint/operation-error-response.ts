import type { LintRule } from "../spec/lint-context.js";
import { isRecord } from "../runtime/records.js";
import { isWebhook } from "../extensions/problem.js";
import { lintDeref } from "../spec/deref.js";

const ERROR_CODE = /^[45](\d\d|XX)$|^default$/;

/**
 * Every operation documents at least one error (4XX/5XX or default) with a body schema, so
 * clients get a typed error rather than an opaque status.
 */
export const operationErrorResponse: LintRule = () => ({
  Operation(node: object, ctx) {
    // A webhook is answered by the merchant's endpoint, not called by a client: no typed error to give.
    if (isWebhook(ctx)) return;
    const operation = node as Record<string, unknown>;
    const deref = lintDeref(ctx);
    const responses = deref(operation.responses);
    const errors = isRecord(responses) ? Object.keys(responses).filter((code) => ERROR_CODE.test(code)) : [];
    const typed = errors.some((code) => {
      const response = deref(isRecord(responses) ? responses[code] : undefined);
      const content = isRecord(response) ? deref(response.content) : undefined;
      return isRecord(content) && Object.values(content).some((media) => isRecord(media) && media.schema !== undefined);
    });
    if (!typed) {
      ctx.report({
        message:
          errors.length === 0
            ? "document at least one error response (4XX, 5XX or default) with its body schema"
            : `document the body schema of an error response (${errors.join(", ")} has no content schema)`,
        location: ctx.location.child(["responses"]).key(),
      });
    }
  },
});
