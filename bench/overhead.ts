// Benchmark 3: per-call overhead on loopback. A node:http server in a child process on
// 127.0.0.1 answers every request with the same small JSON body; the same request
// (POST /v1/payment/list, JSON body, `merchant` and `sign` headers) is sent, one call at a
// time, by our Cryptomus client (which signs every call: md5(base64(body) + key)), by raw
// openapi-fetch (the precomputed signature as a constant header: no signing) and by bare
// fetch (same). Rounds alternate the three (A B C A B C …); the figure is the median over
// rounds of (round time / calls in the round).
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import createClient from "openapi-fetch";
import { createCryptomusClient } from "../generated/cryptomus/index.js";
import type { paths } from "../generated/cryptomus/schema.gen.js";
import { alternate, type AlternateOptions } from "./lib/stats.js";
import { measured, ratioRow, type Row } from "./lib/table.js";

export interface OverheadOptions extends Omit<AlternateOptions, "runs"> {
  /** Counted calls per client in all (default 10,000). */
  readonly calls?: number;
  /** Counted rounds they are split into (default 10); one more uncounted round warms up. */
  readonly rounds?: number;
  readonly log?: (line: string) => void;
}

/** A small page as the provider answers it (the documented shape, no items). */
export const ANSWER = JSON.stringify({
  state: 0,
  result: { items: [], paginate: { count: 0, hasPages: false, nextCursor: null, previousCursor: null, perPage: 15 } },
});
const REQUEST_BODY = { date_from: "2023-05-04 00:00:00", date_to: "2023-05-05 00:00:00" };
const PAYMENT_KEY = "bench-payment-key";
const MERCHANT = "bench-merchant";

// Plain JavaScript for `node -e` (no loader needed); stops when its stdin closes.
const SERVER = `
const http = require("node:http");
const body = Buffer.from(process.env.BENCH_ANSWER, "utf8");
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    res.end(body);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => process.stdout.write(server.address().port + "\\n"));
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
`;

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["-e", SERVER], {
    env: { ...process.env, BENCH_ANSWER: ANSWER },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const line = /^(\d+)\n/.exec(out);
      if (line) resolve(Number(line[1]));
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.stdin!.end();
  const timer = setTimeout(() => child.kill("SIGKILL"), 2000);
  await exited;
  clearTimeout(timer);
}

export async function benchOverhead(options: OverheadOptions = {}): Promise<Row[]> {
  const rounds = options.rounds ?? 10;
  const perRound = Math.max(1, Math.round((options.calls ?? 10_000) / rounds));
  const { url, child } = await startServer();
  try {
    const bodyText = JSON.stringify(REQUEST_BODY);
    const sign = createHash("md5")
      .update(Buffer.from(bodyText, "utf8").toString("base64") + PAYMENT_KEY, "utf8")
      .digest("hex");
    const headers = { "content-type": "application/json", merchant: MERCHANT, sign };

    const ours = createCryptomusClient({
      merchant: MERCHANT,
      paymentKey: PAYMENT_KEY,
      payoutKey: "bench-payout-key",
      baseUrl: url,
    });
    const raw = createClient<paths>({ baseUrl: url });
    const calls = {
      ours: async () => {
        const r = await ours.listPayments({ body: REQUEST_BODY });
        if (!r.ok) throw new Error(`payspec: status ${r.status}`);
      },
      openapiFetch: async () => {
        const r = await raw.POST("/v1/payment/list", { body: REQUEST_BODY, headers: { merchant: MERCHANT, sign } });
        if (r.data === undefined) throw new Error(`openapi-fetch: status ${r.response.status}`);
      },
      fetch: async () => {
        const r = await fetch(`${url}/v1/payment/list`, { method: "POST", headers, body: bodyText });
        if (r.status !== 200) throw new Error(`fetch: status ${r.status}`);
        await r.json();
      },
    };
    const round = (call: () => Promise<void>) => async () => {
      const started = performance.now();
      for (let i = 0; i < perRound; i++) await call();
      return ((performance.now() - started) * 1000) / perRound;
    };
    const [a, b, c] = await alternate(
      [
        { name: "ours", run: round(calls.ours) },
        { name: "openapi-fetch", run: round(calls.openapiFetch) },
        { name: "fetch", run: round(calls.fetch) },
      ],
      {
        ...options,
        runs: rounds,
        onRun: (peer, n, value) =>
          options.log?.(
            `  overhead ${peer} round ${n}: ${value instanceof Error ? value.message : `${value.toFixed(1)} µs/call`}`,
          ),
      },
    );
    const what = `${rounds} rounds × ${perRound} calls, POST /v1/payment/list on 127.0.0.1`;
    const oursM = measured(
      "payspec listPayments (signs each call)",
      "createCryptomusClient({ merchant, paymentKey, payoutKey, baseUrl }).listPayments({ body })",
      a,
    );
    const ofM = measured(
      "openapi-fetch",
      'createClient<paths>({ baseUrl }).POST("/v1/payment/list", { body, headers: { merchant, sign } })',
      b,
    );
    const fetchM = measured(
      "fetch",
      'fetch(url, { method: "POST", headers, body: JSON.stringify(body) }).then((r) => r.json())',
      c,
    );
    return [
      ratioRow(
        { bench: "3", what: `per call vs openapi-fetch (${what})`, unit: "µs/call", ours: oursM, peer: ofM },
        1.05,
      ),
      ratioRow(
        { bench: "3", what: "per call vs bare fetch (same rounds)", unit: "µs/call", ours: oursM, peer: fetchM },
        1.15,
      ),
      ratioRow(
        {
          bench: "3",
          what: "openapi-fetch vs bare fetch, for scale (same rounds)",
          unit: "µs/call",
          ours: ofM,
          peer: fetchM,
        },
        undefined,
      ),
    ];
  } finally {
    await stopServer(child);
  }
}
