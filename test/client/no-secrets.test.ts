import { createHash } from "node:crypto";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createCryptoCloudClient } from "../../generated/cryptocloud/index.js";
import { ClientError, createCryptomusClient } from "../../generated/cryptomus/index.js";
import { createMoruneClient } from "../../generated/morune/index.js";
import { moruneResponseValidators } from "../../generated/morune/response-validators.gen.js";
import { type Handler, json, localServersPerTest } from "../helpers/local-server.js";

/**
 * Every error class, produced by real calls with real-looking credentials, is searched for
 * every credential and for every value computed from one (the sign header, the Authorization
 * value), in each way an error is usually printed.
 */
const KEYS = {
  merchant: "merchant-uuid-5f2c9d1e",
  paymentKey: "PAYMENT-KEY-9f8e7d6c5b4a",
  payoutKey: "PAYOUT-KEY-1a2b3c4d5e6f",
  apiKey: "API-KEY-0123456789abcdef",
};
const BODY = JSON.stringify({ date_from: "2023-05-04 00:00:00" });
const SIGNS = [KEYS.paymentKey, KEYS.payoutKey].flatMap((key) =>
  ["", BODY].map((body) =>
    createHash("md5")
      .update(Buffer.from(body).toString("base64") + key)
      .digest("hex"),
  ),
);
const FORBIDDEN = [...Object.values(KEYS).filter((k) => k !== KEYS.merchant), ...SIGNS, `Token ${KEYS.apiKey}`];

/** A server that echoes every request header and body into its answer. */
const echo =
  (status: number, type = "application/json"): Handler =>
  (req, res) => {
    res.writeHead(status, { "content-type": type });
    res.end(JSON.stringify({ headers: req.headers, body: req.body, detail: `got ${JSON.stringify(req.headers)}` }));
  };

function views(error: unknown): string[] {
  return [
    String(error),
    (error as Error).message,
    JSON.stringify(error),
    inspect(error),
    inspect(error, { showHidden: true, depth: 10 }),
    (error as Error).stack ?? "",
  ];
}

const startServer = localServersPerTest();

async function server(...handlers: Handler[]) {
  const s = await startServer(...handlers);
  return s.url;
}

const cases: { name: string; type: string; run: () => Promise<unknown> }[] = [
  {
    name: "UnexpectedResponseError (undocumented status echoing the request, sign and body)",
    type: "UnexpectedResponseError",
    run: async () => {
      const url = await server(echo(418));
      return createCryptomusClient({ ...KEYS, baseUrl: url }).listPayments({
        body: { date_from: "2023-05-04 00:00:00" },
      });
    },
  },
  {
    name: "UnexpectedResponseError (HTML 502 echoing the Authorization header)",
    type: "UnexpectedResponseError",
    run: async () => {
      const url = await server(echo(502, "text/html"));
      return createCryptoCloudClient({ apiKey: KEYS.apiKey, baseUrl: url, retry: false }).getInvoiceInfo({
        body: { uuids: ["INV-AAAAAAAA"] },
      });
    },
  },
  {
    name: "ResponseValidationError (documented status, wrong body)",
    type: "ResponseValidationError",
    run: async () => {
      const url = await server(echo(200));
      return createMoruneClient({
        apiKey: KEYS.apiKey,
        baseUrl: url,
        validateResponses: moruneResponseValidators,
      }).getInvoiceInfo({
        query: { shop_id: "3fa85f64-5717-4562-b3fc-2c963f66afa6", order_id: KEYS.apiKey.slice(0, 3) },
      });
    },
  },
  {
    name: "PaginationError (a failed page echoing the sign)",
    type: "PaginationError",
    run: async () => {
      const url = await server((req, res) =>
        json(422, { state: 1, errors: { sign: [String(req.headers.sign)], key: [KEYS.payoutKey] } })(
          req,
          res,
          undefined as never,
        ),
      );
      const iterate = async () => {
        for await (const _ of createCryptomusClient({ ...KEYS, baseUrl: url }).listPayouts.all());
      };
      return iterate();
    },
  },
  {
    name: "TransportError (connection refused)",
    type: "TransportError",
    run: async () => {
      const closed = await startServer(json(200, {}));
      await closed.close();
      return createCryptomusClient({ ...KEYS, baseUrl: closed.url, retry: false }).listPayouts({
        body: { date_from: "2023-05-04 00:00:00" },
      });
    },
  },
  {
    name: "TimeoutError",
    type: "TimeoutError",
    run: async () => {
      const url = await server((_req, res) => void setTimeout(() => res.end(), 1_000));
      return createCryptoCloudClient({ apiKey: KEYS.apiKey, baseUrl: url }).getInvoiceInfo({
        body: { uuids: ["INV-AAAAAAAA"] },
        timeoutMs: 50,
      });
    },
  },
  {
    name: "ValidationError",
    type: "ValidationError",
    run: async () =>
      createCryptoCloudClient({ apiKey: KEYS.apiKey, baseUrl: "http://127.0.0.1:9" }).getInvoiceInfo({
        body: { uuids: [KEYS.apiKey] },
      }),
  },
  {
    name: "ConfigurationError",
    type: "ConfigurationError",
    run: async () => createCryptomusClient({ ...KEYS, payoutKey: "", baseUrl: "http://127.0.0.1:9" }),
  },
];

describe("no credential in any error", () => {
  it.each(cases)("$name", async ({ type, run }) => {
    const error = await run().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ClientError);
    // Each case must produce the error it is about, or it would check nothing of that class.
    expect((error as Error).name).toBe(type);
    for (const view of views(error)) {
      for (const secret of FORBIDDEN) expect(view).not.toContain(secret);
    }
  });

  it("the check itself finds a secret when one is there", () => {
    const leaky = new ClientError("p", "op", `key ${KEYS.paymentKey}`);
    expect(views(leaky).some((v) => v.includes(KEYS.paymentKey))).toBe(true);
  });
});
