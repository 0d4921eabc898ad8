import fc from "fast-check";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCryptoCloudWebhookVerifier } from "../../generated/cryptocloud/index.js";
import { buildWebhook, loadApiModel, sendWebhook } from "../../mock/dev/webhook-sender.js";
import {
  edit,
  expectDistinctReasons,
  notification,
  reasonOf,
  startEndpoint,
  trickyText,
  withCharReplaced,
} from "./support.js";

const model = await loadApiModel("cryptocloud");
const SECRET = "test-secretKey"; // the sender's default, which also signed the spec's example token
const verifier = createCryptoCloudWebhookVerifier({ secretKey: SECRET });
const JSON_TYPE = "application/json";
const FORM_TYPE = "application/x-www-form-urlencoded";

function example(mediaType: string): Record<string, unknown> {
  return model.webhooks[0]!.examples[mediaType]!.paid as Record<string, unknown>;
}

/**
 * A token made with jose, independently of the sender: claims, key, expiry in seconds from now,
 * alg. The header is the documented token's, `{"typ":"JWT","alg":...}`.
 */
async function token(
  claims: Record<string, unknown>,
  options: { key?: string; expiresIn?: number | null; alg?: string } = {},
): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ typ: "JWT", alg: options.alg ?? "HS256" });
  if (options.expiresIn !== null) jwt.setExpirationTime(Math.floor(Date.now() / 1000) + (options.expiresIn ?? 300));
  return jwt.sign(new TextEncoder().encode(options.key ?? SECRET));
}

function postback(fields: Record<string, unknown>): string {
  return JSON.stringify({ ...example(JSON_TYPE), ...fields });
}

/** The claims of the documentation's sample token: a numeric `id`, not the invoice id. */
const DOCUMENTED_CLAIMS = { id: 13 };

function decodeSegment(segment: string): unknown {
  return JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
}

describe("CryptoCloud postbacks", () => {
  let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
  beforeAll(async () => {
    endpoint = await startEndpoint(verifier);
  });
  afterAll(() => endpoint.close());

  it("the spec's example token is built like the documented one (numeric id), genuine but expired", async () => {
    for (const mediaType of [JSON_TYPE, FORM_TYPE]) {
      const [head, claims] = String(example(mediaType).token).split(".") as [string, string];
      expect(decodeSegment(head)).toEqual({ typ: "JWT", alg: "HS256" });
      expect(decodeSegment(claims)).toEqual({ ...DOCUMENTED_CLAIMS, exp: 1700000300 });
    }
    const body = JSON.stringify(example(JSON_TYPE));
    expect(await verifier.verify(body, { "content-type": JSON_TYPE })).toEqual({ ok: false, reason: "token expired" });
    const lenient = createCryptoCloudWebhookVerifier({
      secretKey: SECRET,
      clockToleranceSeconds: 10 * 365 * 24 * 3600,
    });
    expect(await lenient.verify(body, { "content-type": JSON_TYPE })).toEqual({
      ok: true,
      name: "postback",
      mediaType: JSON_TYPE,
      payload: example(JSON_TYPE),
      claims: { ...DOCUMENTED_CLAIMS, exp: 1700000300 },
    });
  });

  it.each([JSON_TYPE, FORM_TYPE])(
    "a %s postback whose token is like the documented one (numeric id) is accepted, its claims handed over",
    async (mediaType) => {
      const fresh = await token(DOCUMENTED_CLAIMS);
      const fields = { ...example(mediaType), token: fresh };
      const body =
        mediaType === JSON_TYPE
          ? JSON.stringify(fields)
          : new URLSearchParams(fields as Record<string, string>).toString();
      const result = await verifier.verify(body, { "content-type": mediaType });
      expect(result).toEqual({
        ok: true,
        name: "postback",
        mediaType,
        payload: fields,
        claims: { ...DOCUMENTED_CLAIMS, exp: expect.any(Number) },
      });
    },
  );

  it("an id claim in the invoice-id form is compared with invoice_id; any other id is handed over, not compared", async () => {
    const verdict = async (id: unknown, invoiceId = "XY12AB34") => {
      const result = await verifier.verify(postback({ invoice_id: invoiceId, token: await token({ id }) }), {
        "content-type": JSON_TYPE,
      });
      return result.ok ? { ok: true, claims: result.claims } : { ok: false, reason: result.reason };
    };
    const foreign = { ok: false, reason: "token was issued for another invoice_id" };
    const handedOver = (id: unknown) => ({ ok: true, claims: { id, exp: expect.any(Number) } });
    expect({
      sameWithPrefix: await verdict("INV-XY12AB34"),
      sameWithoutPrefix: await verdict("XY12AB34"),
      prefixedBody: await verdict("XY12AB34", "INV-XY12AB34"),
      otherWithPrefix: await verdict("INV-ZZ99ZZ99"),
      otherWithoutPrefix: await verdict("ZZ99ZZ99"),
      numeric: await verdict(13),
      notAnInvoiceId: await verdict("order/13"),
    }).toEqual({
      sameWithPrefix: handedOver("INV-XY12AB34"),
      sameWithoutPrefix: handedOver("XY12AB34"),
      prefixedBody: handedOver("XY12AB34"),
      otherWithPrefix: foreign,
      otherWithoutPrefix: foreign,
      numeric: handedOver(13),
      notAnInvoiceId: handedOver("order/13"),
    });
  });

  it.each([JSON_TYPE, FORM_TYPE])(
    "a genuine %s postback sent over HTTP is accepted, with its typed payload",
    async (mediaType) => {
      const sent = await sendWebhook({ api: model, webhook: "postback", mediaType, to: endpoint.url });
      expect(sent.status).toBe(200);
      expect(sent.headers["content-type"]).toBe(mediaType);
      const typed = await verifier.verify(sent.body, sent.headers);
      if (!typed.ok) throw new Error(typed.reason);
      // The payload type is the JSON or the form schema; invoice_id is text in both.
      const invoice: string = typed.payload.invoice_id;
      expect(invoice).toBe("XY12AB34");
      expect(typed.payload.amount_crypto).toBe(mediaType === JSON_TYPE ? 100.2 : "100.2");
    },
  );

  it("rejects each kind of bad postback with its own reason, never showing the key", async () => {
    const fresh = await token(DOCUMENTED_CLAIMS);
    const [head, claims, signature] = fresh.split(".") as [string, string, string];
    const altered = [
      head,
      Buffer.from(JSON.stringify({ id: 14, exp: 4102444800 })).toString("base64url"),
      signature,
    ].join(".");
    const verify = async (body: string, contentType = JSON_TYPE) =>
      reasonOf(await verifier.verify(body, { "content-type": contentType }));
    const reasons = {
      alteredToken: await verify(postback({ token: altered })),
      expired: await verify(postback({ token: await token(DOCUMENTED_CLAIMS, { expiresIn: -120 }) })),
      foreignInvoice: await verify(postback({ token: await token({ id: "INV-ZZ99ZZ99" }) })),
      missingToken: await verify(JSON.stringify({ ...example(JSON_TYPE), token: undefined })),
      malformedToken: await verify(postback({ token: `${head}.${claims}` })),
      otherAlgorithm: await verify(postback({ token: await token(DOCUMENTED_CLAIMS, { alg: "HS512" }) })),
      noExpiry: await verify(postback({ token: await token(DOCUMENTED_CLAIMS, { expiresIn: null }) })),
      nonJson: await verify("status=success&invoice_id=XY12AB34"),
      emptyBody: await verify(""),
    };
    expect(reasons).toEqual({
      alteredToken: "token signature does not match (wrong key or altered token)",
      expired: "token expired",
      foreignInvoice: "token was issued for another invoice_id",
      missingToken: 'missing signature: no "token" field in the body',
      malformedToken: 'malformed token: body field "token" is not a compact JWT',
      otherAlgorithm: "token is not signed with HS256",
      noExpiry: 'token claim "exp" is missing',
      nonJson: expect.stringMatching(/^body is not valid JSON \(/),
      emptyBody: "empty body",
    });
    expectDistinctReasons(reasons, [SECRET]);
    // A token under another key cannot be told from an altered one: the HMAC just differs.
    expect(await verify(postback({ token: await token(DOCUMENTED_CLAIMS, { key: "another-secret" }) }))).toBe(
      reasons.alteredToken,
    );
    // A changed invoice_id under a token bound to the invoice is a token for another invoice.
    expect(await verify(postback({ token: await token({ id: "INV-XY12AB34" }), invoice_id: "ZZ99ZZ99" }))).toBe(
      reasons.foreignInvoice,
    );
  });

  it("authenticates at most the invoice id: a changed amount passes, and so does any invoice_id under a numeric id; re-read the invoice before acting", async () => {
    const bound = await verifier.verify(
      postback({ token: await token({ id: "INV-XY12AB34" }), amount_crypto: 1_000_000 }),
      { "content-type": JSON_TYPE },
    );
    expect(bound).toMatchObject({ ok: true, payload: { amount_crypto: 1_000_000 } });
    const numeric = await verifier.verify(postback({ token: await token(DOCUMENTED_CLAIMS), invoice_id: "ZZ99ZZ99" }), {
      "content-type": JSON_TYPE,
    });
    expect(numeric).toMatchObject({ ok: true, payload: { invoice_id: "ZZ99ZZ99" } });
  });

  const postbacks = notification(
    fc.record({
      status: fc.constant("success"),
      invoice_id: fc.stringMatching(/^[A-Z0-9]{8}$/),
      amount_crypto: fc.integer({ min: 1, max: 1_000_000 }).map((n) => n / 100),
      currency: fc.constantFrom("USDT_TRC20", "BTC"),
      order_id: trickyText,
    }),
    ["token"],
  );

  it.each([JSON_TYPE, FORM_TYPE])("property: whatever the test sender signs as %s verifies", async (mediaType) => {
    await fc.assert(
      fc.asyncProperty(postbacks, async (payload) => {
        const built = await buildWebhook(model, "postback", { payload, mediaType });
        const result = await verifier.verify(Buffer.from(built.body), built.headers);
        expect(result).toMatchObject({ ok: true, name: "postback", payload: { invoice_id: payload.invoice_id } });
        // The sender binds the token's id to the invoice, so the verified claims carry it.
        const claims = { id: payload.invoice_id, exp: expect.any(Number) };
        if (mediaType === JSON_TYPE)
          expect(result).toEqual({
            ok: true,
            name: "postback",
            mediaType: JSON_TYPE,
            payload: { ...payload, token: expect.any(String) },
            claims,
          });
      }),
      { numRuns: 50 },
    );
  });

  it("property: any one-character change of the token or the invoice id is rejected", async () => {
    await fc.assert(
      fc.asyncProperty(postbacks, edit, async (payload, [at, ch]) => {
        const { body, headers } = await buildWebhook(model, "postback", { payload });
        const token = (JSON.parse(body) as { token: string }).token;
        // The authenticated spans: the token, and the invoice_id member the token is bound to.
        const spans = [token, `"invoice_id":"${payload.invoice_id}"`].map((text) => ({
          start: body.indexOf(text),
          length: text.length,
        }));
        const positions = spans.flatMap(({ start, length }) => Array.from({ length }, (_, i) => start + i));
        const index = positions[at % positions.length]!;
        fc.pre(body[index] !== ch);
        const result = await verifier.verify(Buffer.from(withCharReplaced(body, index, ch)), headers);
        expect(result.ok, `accepted after changing offset ${index} of ${body} to ${JSON.stringify(ch)}`).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
