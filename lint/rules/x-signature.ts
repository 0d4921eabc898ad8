import type { Oas3Rule } from "@redocly/openapi-core";
import { parseXSignature } from "../../generator/extensions/x-signature.js";
import { reportProblems } from "./report.js";

/** `x-signature` names a registered algorithm and a credential, on a header apiKey scheme. */
export const xSignature: Oas3Rule = () => ({
  SecurityScheme(scheme: Record<string, unknown>, ctx) {
    if (scheme["x-signature"] === undefined) return;
    if (scheme.type !== "apiKey" || scheme.in !== "header") {
      ctx.report({
        message: "x-signature belongs on an apiKey scheme with in: header (the header that carries the signature)",
        location: ctx.location.child(["x-signature"]),
      });
    }
    reportProblems(ctx, "x-signature", parseXSignature(scheme["x-signature"]));
  },
});
