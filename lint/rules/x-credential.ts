import type { Oas3Rule } from "@redocly/openapi-core";
import { parseXCredential } from "../../generator/extensions/x-credential.js";
import { reportProblems } from "./report.js";

/** `x-credential` is well-formed, and a credential-less apiKey/http scheme says which option feeds it. */
export const xCredential: Oas3Rule = () => ({
  SecurityScheme(scheme: Record<string, unknown>, ctx) {
    if (scheme["x-credential"] === undefined) return;
    if (scheme["x-signature"] !== undefined) {
      ctx.report({
        message: "a scheme has either x-credential (a sent secret) or x-signature (a computed value), not both",
        location: ctx.location.child(["x-credential"]),
      });
      return;
    }
    reportProblems(ctx, "x-credential", parseXCredential(scheme["x-credential"]));
  },
});
