import { readFile } from "node:fs/promises";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createMoruneWebhookVerifier } from "../../generated/morune/index.js";
import { parseOrderedJson } from "../../generator/runtime/ordered-json.js";
import { sortedJson } from "../../generator/runtime/sorted-json.js";
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

const model = await loadApiModel("morune");
const KEY = "test-additionalKey"; // the sender's default, which also signed the spec's examples
const verifier = createMoruneWebhookVerifier({ additionalKey: KEY });
const HEADER = "x-api-sha256-signature";

// HMACs of the spec's examples with KEY, computed by test/runtime/webhook-vectors.py.
const EXAMPLE_SIGNATURES: Record<string, string> = {
  success: "5bbe760ebc508ae9b8be1f2c76b113c839975002af2d31f8944bdfcf650e7620",
  refund: "718087cd8bde6fc97c6cac189852cf1f00522274e43a22b5876adddd3b6cf844",
};

function example(name: string): Record<string, unknown> {
  return model.webhooks[0]!.examples["application/json"]![name] as Record<string, unknown>;
}

/** The body as Python's json.dumps(body, sort_keys=True) prints it (spaced, non-ASCII escaped). */
function asPythonSends(payload: Record<string, unknown>): string {
  const parsed = parseOrderedJson(JSON.stringify(payload));
  if (!parsed.ok) throw new Error(parsed.error);
  return sortedJson(parsed.node, { spaced: true, asciiOnly: true });
}

describe("Morune webhooks", () => {
  let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
  beforeAll(async () => {
    endpoint = await startEndpoint(verifier);
  });
  afterAll(() => endpoint.close());

  it("the spec documents the signature of its success example as the header's example", async () => {
    const spec = parse(await readFile("specs/morune.yaml", "utf8")) as {
      webhooks: { invoice: { post: { parameters: { name: string; example: string }[] } } };
    };
    const header = spec.webhooks.invoice.post.parameters.find((p) => p.name === HEADER);
    expect(header?.example).toBe(EXAMPLE_SIGNATURES.success);
  });

  it.each(Object.keys(EXAMPLE_SIGNATURES))(
    "the spec's %s example verifies sent compact or as Python prints it",
    async (name) => {
      const payload = example(name);
      const headers = { "content-type": "application/json", [HEADER]: EXAMPLE_SIGNATURES[name]! };
      expect(await verifier.verify(JSON.stringify(payload), headers)).toEqual({
        ok: true,
        name: "invoice",
        mediaType: "application/json",
        payload,
      });
      expect(await verifier.verify(asPythonSends(payload), headers)).toEqual({
        ok: true,
        name: "invoice",
        mediaType: "application/json",
        payload,
      });
    },
  );

  it("a genuine notification sent over HTTP is accepted, with its typed payload", async () => {
    const sent = await sendWebhook({ api: model, webhook: "invoice", example: "refund", to: endpoint.url });
    expect(sent.status).toBe(200);
    expect(endpoint.results.at(-1)).toMatchObject({ ok: true, name: "invoice" });
    const typed = await verifier.verify(sent.body, new Headers(sent.headers));
    if (!typed.ok) throw new Error(typed.reason);
    expect(typed.payload.refund_reason).toBe("Товар не подошёл / wrong size");
    expect(typed.payload.type).toBe(2);
  });

  it("rejects each kind of bad notification with its own reason, never showing the key", async () => {
    const body = JSON.stringify(example("success"));
    const signed = { "content-type": "application/json", [HEADER]: EXAMPLE_SIGNATURES.success! };
    const verify = async (text: string | Uint8Array, headers: Record<string, string>) =>
      reasonOf(await verifier.verify(text, headers));
    const reasons = {
      changedField: await verify(body.replace('"amount":"100.00"', '"amount":"900.00"'), signed),
      missingSignature: await verify(body, { "content-type": "application/json" }),
      malformedSignature: await verify(body, { ...signed, [HEADER]: EXAMPLE_SIGNATURES.success!.toUpperCase() }),
      nonJson: await verify("invoice_id=1", signed),
      emptyBody: await verify(new Uint8Array(), signed),
      notUtf8: await verify(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]), signed),
      duplicateKey: await verify(body.replace('"amount":"100.00"', '"amount":"100.00","amount":"100.00"'), signed),
    };
    expect(reasons).toEqual({
      changedField: "signature does not match the body (changed body or wrong key)",
      missingSignature: `missing signature: no ${HEADER} header`,
      malformedSignature: `malformed signature: header ${HEADER} is not 64 lower-case hex digits`,
      nonJson: expect.stringMatching(/^body is not valid JSON \(/),
      emptyBody: "empty body",
      notUtf8: "body is not UTF-8 text",
      duplicateKey: 'body is ambiguous: key "amount" is repeated',
    });
    expectDistinctReasons(reasons, [KEY]);
    // A right body under the wrong key cannot be told from a changed body: the HMAC just differs.
    const wrongKey = createMoruneWebhookVerifier({ additionalKey: "the-api-key-by-mistake" });
    expect(reasonOf(await wrongKey.verify(body, signed))).toBe(reasons.changedField);
  });

  const notifications = notification(
    fc.record({
      invoice_id: fc.uuid(),
      status: fc.constantFrom("success", "fail", "expired", "refund"),
      amount: fc.integer({ min: 0, max: 10_000_000 }).map((cents) => (cents / 100).toFixed(2)),
      order_id: trickyText,
      custom_fields: fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), trickyText, {
        maxKeys: 3,
        noNullPrototype: true,
      }),
      type: fc.constantFrom(1, 2),
    }),
    [],
  );

  it("property: whatever the test sender signs verifies, with the payload it sent", async () => {
    await fc.assert(
      fc.asyncProperty(notifications, async (payload) => {
        const built = await buildWebhook(model, "invoice", { payload });
        expect(await verifier.verify(Buffer.from(built.body), built.headers)).toEqual({
          ok: true,
          name: "invoice",
          mediaType: "application/json",
          payload,
        });
      }),
    );
  });

  it("property: any one-character change of a signed notification is rejected", async () => {
    await fc.assert(
      fc.asyncProperty(notifications, edit, async (payload, [at, ch]) => {
        const { body, headers } = await buildWebhook(model, "invoice", { payload });
        const index = at % body.length;
        fc.pre(body[index] !== ch);
        const result = await verifier.verify(Buffer.from(withCharReplaced(body, index, ch)), headers);
        expect(result.ok, `accepted after changing offset ${index} of ${body} to ${JSON.stringify(ch)}`).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
