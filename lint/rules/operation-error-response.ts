import type { Oas3Rule } from "@redocly/openapi-core";

/** Every operation documents at least one error (4XX/5XX or default), so clients get a typed error. */
export const operationErrorResponse: Oas3Rule = () => ({
  Operation(node: object, ctx) {
    const operation = node as Record<string, unknown>;
    const responses = operation.responses;
    const codes = typeof responses === "object" && responses !== null ? Object.keys(responses) : [];
    if (!codes.some((code) => /^[45](\d\d|XX)$/.test(code) || code === "default")) {
      ctx.report({
        message: "document at least one error response (4XX, 5XX or default) with its body schema",
        location: ctx.location.child(["responses"]).key(),
      });
    }
  },
});
