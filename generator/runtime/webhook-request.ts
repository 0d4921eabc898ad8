import { DEFAULT_WEBHOOK_MAX_BODY_BYTES } from "./webhook-verifier.js";
import { reject, type WebhookRejection } from "./webhook-types.js";

/** What `readWebhookBody` reads from: a `node:http` request (or any stream of the same events). */
export interface WebhookRequestStream {
  on(event: "data", listener: (chunk: Uint8Array | string) => void): unknown;
  on(event: "end" | "error", listener: () => void): unknown;
}

/**
 * A notification's raw body from a `node:http` request, at most `maxBytes` (default 64 KiB,
 * what the verifiers accept): past that it resolves with a rejection at once and keeps nothing
 * more, so answer 413 with `connection: close` and the sender is cut off.
 */
export function readWebhookBody(
  request: WebhookRequestStream,
  maxBytes = DEFAULT_WEBHOOK_MAX_BODY_BYTES,
): Promise<{ readonly ok: true; readonly bytes: Uint8Array } | WebhookRejection> {
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: { readonly ok: true; readonly bytes: Uint8Array } | WebhookRejection) => {
      if (settled) return;
      settled = true;
      chunks.length = 0;
      resolve(result);
    };
    request.on("data", (chunk) => {
      if (settled) return;
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      size += bytes.byteLength;
      if (size > maxBytes) settle(reject(`body is larger than maxBodyBytes (${maxBytes} bytes)`));
      else chunks.push(bytes);
    });
    request.on("end", () => settle({ ok: true, bytes: Buffer.concat(chunks) }));
    request.on("error", () => settle(reject("the body broke off before it ended")));
  });
}
