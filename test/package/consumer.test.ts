// The package as users get it: `npm pack` this repository (prepack builds dist/), install the
// tarball into a throwaway consumer project, then use `payspec/<provider>` from plain Node ESM
// (against a local HTTP server, checking the Cryptomus signature independently) and from
// TypeScript under NodeNext and Bundler resolution.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const fixtures = path.join(here, "fixtures");
const windows = process.platform === "win32";

const MERCHANT = "8b03432e-385b-4670-8d06-064591096795";
const PAYMENT_KEY = "test-payment-key-3f9a1c";
const FIRST_UUID = "a7c0caec-a594-4aaa-b1c4-77d511857594";
const NEXT_CURSOR = "eyJpZCI6MjEyLCJfcG9pbnRzVzVG9OZXh0SXRlbXMiOnRydWV9";

/** A one-item answer of `POST /v1/payment/list`, shaped as the Cryptomus spec says. */
const paymentList = {
  state: 0,
  result: {
    items: [
      {
        uuid: FIRST_UUID,
        order_id: "order-1",
        amount: "15.00",
        payment_amount: "0.00",
        payer_amount: "15.75",
        discount_percent: -5,
        discount: "-0.75",
        payer_currency: "USDT",
        currency: "USDT",
        merchant_amount: null,
        comments: null,
        network: "tron",
        address: "TXhfYSWYc2nLH1JkXV8kmcCmM6Gq1S7Yfp",
        from: null,
        txid: null,
        payment_status: "cancel",
        url: "https://pay.cryptomus.com/pay/a7c0caec-a594-4aaa-b1c4-77d511857594",
        expired_at: 1689098133,
        status: "cancel",
        is_final: true,
        additional_data: null,
        created_at: "2023-07-11T20:23:52+03:00",
        updated_at: "2023-07-11T21:24:17+03:00",
      },
    ],
    paginate: { count: 1, hasPages: true, nextCursor: NEXT_CURSOR, previousCursor: null, perPage: 15 },
  },
};

interface Recorded {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  /** stdout and stderr together. */
  readonly output: string;
}

/** Runs a command without throwing on a non-zero exit; stdout and stderr together. */
async function exec(file: string, args: readonly string[], cwd: string, timeout = 120_000): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, timeout, maxBuffer: 16 * 1024 * 1024, shell: windows && file === "npm" });
    return { code: 0, stdout, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string; message: string };
    const code = typeof failed.code === "number" ? failed.code : -1;
    return { code, stdout: failed.stdout ?? "", output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` || failed.message };
  }
}

/** Runs a command that must succeed; returns its stdout. */
async function mustRun(file: string, args: readonly string[], cwd: string): Promise<string> {
  const outcome = await exec(file, args, cwd);
  if (outcome.code !== 0) throw new Error(`${file} ${args.join(" ")} exited ${outcome.code}:\n${outcome.output}`);
  return outcome.stdout;
}

const strictOptions = {
  target: "ES2022",
  lib: ["ES2022"],
  types: ["node"],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  skipLibCheck: false,
  noEmit: true,
};
const resolutions = {
  NodeNext: { module: "NodeNext", moduleResolution: "NodeNext" },
  Bundler: { module: "ESNext", moduleResolution: "Bundler" },
} as const;

const timings: Record<string, number> = {};
let work = "";
let consumer = "";
let server: Server | undefined;
let baseUrl = "";
const requests: Recorded[] = [];

describe("the packed package in a throwaway consumer project", () => {
  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "payspec-consumer-"));
    consumer = path.join(work, "consumer");

    let started = performance.now();
    // `npm pack --json` prints only the JSON on stdout; prepack's build log goes to stderr.
    const packed = JSON.parse(await mustRun("npm", ["pack", "--pack-destination", work, "--json"], repo)) as {
      filename: string;
      files: { path: string }[];
    }[];
    timings["npm pack (prepack build)"] = performance.now() - started;
    const tarball = path.join(work, packed[0]!.filename);
    writeFileSync(path.join(work, "files.json"), JSON.stringify(packed[0]!.files.map((f) => f.path)));

    const rootPackage = JSON.parse(readFileSync(path.join(repo, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
    const nodeTypes = rootPackage.devDependencies["@types/node"];
    const typescript = rootPackage.devDependencies["typescript"];
    if (nodeTypes === undefined || typescript === undefined) throw new Error("package.json pins no @types/node or typescript");

    mkdirSync(consumer);
    writeFileSync(path.join(consumer, "package.json"), `${JSON.stringify({ name: "payspec-consumer", private: true, type: "module" }, null, 2)}\n`);
    started = performance.now();
    await mustRun(
      "npm",
      ["install", tarball, `typescript@${typescript}`, `@types/node@${nodeTypes}`, "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
      consumer,
    );
    timings["npm install (tarball, typescript, @types/node)"] = performance.now() - started;
    for (const file of readdirSync(fixtures)) copyFileSync(path.join(fixtures, file), path.join(consumer, file));

    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        requests.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(paymentList));
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 180_000);

  afterAll(async () => {
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    if (work) rmSync(work, { recursive: true, force: true });
    console.info(
      `consumer test timings: ${Object.entries(timings)
        .map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`)
        .join("; ")}`,
    );
  });

  it("ships built JavaScript and declarations only", () => {
    const files = JSON.parse(readFileSync(path.join(work, "files.json"), "utf8")) as string[];
    for (const provider of ["cryptocloud", "cryptomus", "morune"]) {
      expect(files).toContain(`dist/generated/${provider}/index.js`);
      expect(files).toContain(`dist/generated/${provider}/index.d.ts`);
    }
    expect(files).toContain("dist/generated/runtime/signing.js");
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    expect(files.filter((f) => !f.startsWith("dist/generated/") && f !== "package.json" && !/^(README|LICENSE)/i.test(f))).toEqual([]);
  });

  it("works from plain Node ESM and signs the exact body it sends", async () => {
    const started = performance.now();
    const outcome = await exec(process.execPath, ["run.mjs", baseUrl, MERCHANT, PAYMENT_KEY], consumer, 30_000);
    timings["node run.mjs"] = performance.now() - started;
    expect(outcome.code, outcome.output).toBe(0);
    const printed = JSON.parse(outcome.output.trim().split("\n").at(-1)!) as Record<string, unknown>;
    expect(printed).toEqual({
      status: 200,
      firstUuid: FIRST_UUID,
      nextCursor: NEXT_CURSOR,
      resolved: expect.stringMatching(/\/node_modules\/payspec\/dist\/generated\/cryptomus\/index\.js$/),
      clientError: true,
      others: ["function", "function"],
      runtimeImport: "ERR_PACKAGE_PATH_NOT_EXPORTED",
    });

    expect(requests).toHaveLength(1);
    const request = requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/v1/payment/list");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["merchant"]).toBe(MERCHANT);
    expect(JSON.parse(request.body.toString("utf8"))).toEqual({ date_from: "2023-05-04 00:00:00" });
    const expectedSign = createHash("md5")
      .update(request.body.toString("base64") + PAYMENT_KEY)
      .digest("hex");
    expect(request.headers["sign"]).toBe(expectedSign);
  }, 60_000);

  // One tsc run per resolution (tsc dominates this file's time) compiles the good consumer and
  // the deliberately wrong one together: the only diagnostic must be the wrong one's.
  for (const [name, resolution] of Object.entries(resolutions)) {
    it(`type-checks a strict TypeScript consumer of all providers, and rejects a wrongly typed body, with ${name} resolution`, async () => {
      const config = `tsconfig.${name}.json`;
      writeFileSync(
        path.join(consumer, config),
        JSON.stringify({ compilerOptions: { ...strictOptions, ...resolution }, files: ["consumer.ts", "bad-body.ts"] }, null, 2),
      );
      const started = performance.now();
      const outcome = await exec(process.execPath, ["node_modules/typescript/bin/tsc", "-p", config, "--pretty", "false"], consumer);
      timings[`tsc ${name}`] = performance.now() - started;
      const errors = outcome.output.split("\n").filter((line) => line.includes("error TS"));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^bad-body\.ts\(5,\d+\): error TS2322: Type 'number' is not assignable to type 'string'\./);
      expect(outcome.code).not.toBe(0);
    }, 120_000);
  }
});
