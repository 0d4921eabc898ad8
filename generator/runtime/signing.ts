import { hash } from "node:crypto";

/**
 * Request-signing algorithms a spec can name in `x-signature.algorithm`.
 * Each takes the exact body that is sent ("" when there is no body) and the secret, and
 * returns the header value. Clients pass the string they send; the mock servers pass the
 * bytes they received, which need not be UTF-8. The generator knows none of them by name;
 * specs do.
 */
export type RequestSigner = (body: string | Uint8Array, secret: string) => string;

function bytesOf(body: string | Uint8Array): Buffer {
  return typeof body === "string"
    ? Buffer.from(body, "utf8")
    : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

export const requestSigners: Readonly<Record<string, RequestSigner>> = {
  /** Cryptomus: md5(base64(body bytes) + secret), lower-case hex. */
  "md5-base64-body": (body, secret) => hash("md5", bytesOf(body).toString("base64") + secret, "hex"),
};

export function getRequestSigner(algorithm: string): RequestSigner {
  const signer = Object.hasOwn(requestSigners, algorithm) ? requestSigners[algorithm] : undefined;
  if (signer === undefined) {
    throw new Error(`unknown x-signature algorithm "${algorithm}"; known: ${Object.keys(requestSigners).join(", ")}`);
  }
  return signer;
}
