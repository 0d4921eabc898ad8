import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createCryptomusWebhookVerifier, readWebhookBody } from "../../generated/cryptomus/index.js";
import { createMoruneWebhookVerifier } from "../../generated/morune/index.js";

/**
 * An unauthenticated notification must cost next to nothing: its size is checked before
 * anything else, the cheap checks come before the costly parse, and nothing a caller passes
 * makes `verify` throw.
 */
const cryptomus = createCryptomusWebhookVerifier({ paymentKey: "payment-key" });
const morune = createMoruneWebhookVerifier({ additionalKey: "additional-key" });

describe("verify: cheapest checks first, never a throw", () => {
  it("refuses a 22 MB body by its size alone", async () => {
    const huge = `{"type":"payment","sign":"${"0".repeat(32)}","pad":"${"x".repeat(22 * 1024 * 1024)}"}`;
    expect(await cryptomus.verify(huge, {})).toEqual({
      ok: false,
      reason: "body is larger than maxBodyBytes (65536 bytes)",
    });
    expect(await cryptomus.verify(Buffer.from(huge), {})).toEqual({
      ok: false,
      reason: "body is larger than maxBodyBytes (65536 bytes)",
    });
  });

  it("checks the signature's form before the ordered parse (a malformed sign wins over a repeated key)", async () => {
    const body = '{"type":"payment","uuid":"a","uuid":"b","sign":"not-hex"}';
    expect(await cryptomus.verify(body, {})).toEqual({
      ok: false,
      reason: 'malformed signature: body field "sign" is not 32 lower-case hex digits',
    });
    const wellFormed = body.replace("not-hex", "0".repeat(32));
    expect(await cryptomus.verify(wellFormed, {})).toEqual({
      ok: false,
      reason: 'body is ambiguous: key "uuid" is repeated',
    });
  });

  it("a header signature is looked for before the body is parsed in full", async () => {
    expect(await morune.verify('{"invoice_id":"x","invoice_id":"y"}', {})).toEqual({
      ok: false,
      reason: "missing signature: no x-api-sha256-signature header",
    });
  });

  it.each([
    ["no headers", () => cryptomus.verify('{"type":"payment","sign":"x"}', undefined)],
    ["no headers, header-signed", () => morune.verify('{"invoice_id":"x"}', undefined)],
    ["a parsed object instead of the raw body", () => cryptomus.verify({ type: "payment" } as unknown as string, {})],
    ["no body at all", () => cryptomus.verify(undefined as unknown as string, {})],
  ])("%s: { ok: false } with a reason, not a throw", async (_, call) => {
    const result = await call();
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toMatch(/\w/);
  });
});

describe("readWebhookBody: a node:http request within the bound", () => {
  async function post(body: Buffer, maxBytes?: number): Promise<{ status: number; kept: number }> {
    let kept = -1;
    const server = createServer(async (req, res) => {
      const read = await readWebhookBody(req, maxBytes);
      kept = read.ok ? read.bytes.byteLength : 0;
      res.writeHead(read.ok ? 200 : 413, { connection: "close" }).end(read.ok ? "" : read.reason);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const status = await new Promise<number>((resolve) => {
      const req = request({ host: "127.0.0.1", port, method: "POST", path: "/" }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", () => resolve(0));
      req.end(body);
    });
    await new Promise((resolve) => server.close(resolve));
    return { status, kept };
  }

  it("hands over a body within the bound whole", async () => {
    expect(await post(Buffer.from('{"type":"payment"}'))).toEqual({ status: 200, kept: 18 });
  });

  it("answers past the bound at once and keeps nothing", async () => {
    expect(await post(Buffer.alloc(200_000, "x"), 1024)).toEqual({ status: 413, kept: 0 });
  });
});
