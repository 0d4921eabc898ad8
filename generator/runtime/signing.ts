import { createHash } from "node:crypto";

/**
 * Request-signing algorithms a spec can name in `x-signature.algorithm`.
 * Each takes the exact body string that is sent ("" when there is no body) and the secret,
 * and returns the header value. The generator knows none of them by name; specs do.
 */
export type RequestSigner = (body: string, secret: string) => string;

export const requestSigners: Readonly<Record<string, RequestSigner>> = {
  /** Cryptomus: md5(base64(utf8(body)) + secret), lower-case hex. */
  "md5-base64-body": (body, secret) =>
    createHash("md5")
      .update(Buffer.from(body, "utf8").toString("base64") + secret, "utf8")
      .digest("hex"),
};

export function getRequestSigner(algorithm: string): RequestSigner {
  const signer = Object.hasOwn(requestSigners, algorithm) ? requestSigners[algorithm] : undefined;
  if (signer === undefined) {
    throw new Error(
      `unknown x-signature algorithm "${algorithm}"; known: ${Object.keys(requestSigners).join(", ")}`,
    );
  }
  return signer;
}
