import { parseXCredential } from "../extensions/x-credential.js";
import { parseXSignature } from "../extensions/x-signature.js";
import { asRecord } from "../runtime/records.js";
import { type ModelContext, unwrap } from "./context.js";
import { camelCase } from "../spec/names.js";
import type { AuthModel } from "./types.js";

/** One security scheme → how it applies to a request. */
export function transformScheme(name: string, ctx: ModelContext): AuthModel {
  const at = ["components", "securitySchemes", name];
  const scheme = asRecord(ctx.deref(asRecord(asRecord(ctx.document.components)?.securitySchemes)?.[name]));
  if (!scheme)
    ctx.fail(
      at,
      `security scheme "${name}" is used but not defined under components.securitySchemes; define it or fix the name in security`,
    );
  if (scheme["x-signature"] !== undefined) {
    const signature = unwrap(parseXSignature(scheme["x-signature"]), [...at, "x-signature"], ctx);
    return {
      kind: "signature",
      scheme: name,
      name: String(scheme.name),
      algorithm: signature.algorithm,
      option: signature.credential,
    };
  }
  let option = camelCase(name);
  let prefix = "";
  if (scheme["x-credential"] !== undefined) {
    ({ option, prefix } = unwrap(parseXCredential(scheme["x-credential"]), [...at, "x-credential"], ctx));
  }
  // An `Authorization` header: the scheme's own prefix unless x-credential names another.
  const authorization = (defaultPrefix: string, encoding?: "base64"): AuthModel => ({
    kind: "credential",
    scheme: name,
    in: "header",
    name: "Authorization",
    option,
    prefix: prefix || defaultPrefix,
    ...(encoding === undefined ? {} : { encoding }),
  });
  switch (scheme.type) {
    case "apiKey": {
      const location = scheme.in;
      if (location !== "header" && location !== "query" && location !== "cookie") {
        ctx.fail([...at, "in"], "an apiKey scheme is in header, query or cookie");
      }
      return { kind: "credential", scheme: name, in: location, name: String(scheme.name), option, prefix };
    }
    case "http": {
      const httpScheme = String(scheme.scheme).toLowerCase();
      if (httpScheme === "bearer") return authorization("Bearer ");
      if (httpScheme === "basic") return authorization("Basic ", "base64");
      return ctx.fail(
        [...at, "scheme"],
        `unsupported: http scheme "${httpScheme}"; use bearer or basic, or an apiKey scheme with x-credential`,
      );
    }
    case "oauth2":
    case "openIdConnect":
      // The client does not run the OAuth flow; it sends the token it is given.
      return authorization("Bearer ");
    default:
      return ctx.fail([...at, "type"], `unsupported: security scheme type "${String(scheme.type)}"`);
  }
}

/** `security` of an operation (or the document's default) → alternatives of applied schemes. */
export function transformSecurity(
  operation: Record<string, unknown>,
  at: readonly (string | number)[],
  ctx: ModelContext,
): AuthModel[][] {
  const own = operation.security;
  const requirements = own ?? ctx.document.security ?? [];
  if (!Array.isArray(requirements))
    ctx.fail(own === undefined ? ["security"] : [...at, "security"], "security must be a list");
  return requirements.map((requirement) =>
    Object.keys(asRecord(requirement) ?? {})
      // Mutual TLS is set up on the transport (a `fetch` with client certificates), not per request.
      .filter(
        (name) =>
          asRecord(ctx.deref(asRecord(asRecord(ctx.document.components)?.securitySchemes)?.[name]))?.type !==
          "mutualTLS",
      )
      .map((name) => transformScheme(name, ctx)),
  );
}
