// The package as users get it: `npm pack` this repository (prepack builds dist/), install the
// tarball into a throwaway consumer project, then use `payspec/<provider>` from plain Node ESM
// (against a local HTTP server, checking the Cryptomus signature independently) and from
// TypeScript under NodeNext and Bundler resolution; and `payspec/mock` as a merchant's tests
// do: Prism and vitest installed beside it, the README's setup verbatim, a vitest run of the
// consumer's own tests against the mocks, and no Prism left afterwards. A second consumer
// installs the package alone: only the clients' dependencies, and one clear error for the mocks.
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
import { withTools } from "../helpers/consumer-tools.js";

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const fixtures = path.join(here, "fixtures");
const windows = process.platform === "win32";

const MERCHANT = "8b03432e-385b-4670-8d06-064591096795";
const PAYMENT_KEY = "test-payment-key-3f9a1c";
/** Cryptomus's `FilterDate` pattern (specs/cryptomus), as the installed rules report it. */
const FILTER_DATE_PATTERN = String.raw`^\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}:\d{2}$`;
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
    const { stdout, stderr } = await run(file, args, {
      cwd,
      timeout,
      maxBuffer: 16 * 1024 * 1024,
      shell: windows && file === "npm",
    });
    return { code: 0, stdout, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string; message: string };
    const code = typeof failed.code === "number" ? failed.code : -1;
    return {
      code,
      stdout: failed.stdout ?? "",
      output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` || failed.message,
    };
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

/** The README's blocks of "Testing your app with the mocks", by the file name of their first line. */
function readmeSetup(): Map<string, string> {
  const readme = readFileSync(path.join(repo, "README.md"), "utf8");
  const start = readme.indexOf("\n## Testing your app with the mocks\n");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  const files = new Map<string, string>();
  for (const [, code] of section.matchAll(/```ts\n([\s\S]*?)```/g)) {
    const name = /^\/\/ ([\w.-]+\.ts)\n/.exec(code!)?.[1];
    if (name !== undefined) files.set(name, code!);
  }
  return files;
}

/** Pids of the Prism processes running from `dir`'s node_modules (`ps`: Linux and macOS). */
async function prismsIn(dir: string): Promise<number[]> {
  const { stdout } = await run("ps", ["-eo", "pid=,args="], { maxBuffer: 16 * 1024 * 1024 });
  const marker = path.join(dir, "node_modules", "@stoplight", "prism-cli");
  return stdout
    .split("\n")
    .filter((line) => line.includes(marker))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

const timings: Record<string, number> = {};
let work = "";
let consumer = "";
let lean = "";
let setupFiles = new Map<string, string>();
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

    const rootPackage = JSON.parse(readFileSync(path.join(repo, "package.json"), "utf8")) as {
      devDependencies: Record<string, string>;
    };
    const pinned = (name: string): string => {
      const version = rootPackage.devDependencies[name];
      if (version === undefined) throw new Error(`package.json pins no ${name}`);
      return `${name}@${version}`;
    };

    lean = path.join(work, "lean");
    mkdirSync(consumer);
    mkdirSync(lean);
    writeFileSync(
      path.join(lean, "package.json"),
      `${JSON.stringify({ name: "payspec-lean", private: true, type: "module" }, null, 2)}\n`,
    );
    started = performance.now();
    const npmFlags = ["--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"];
    const npm = (args: readonly string[], cwd: string) => mustRun("npm", [...args, ...npmFlags], cwd);
    // The same compiler, Prism and vitest as this repository's, from the npm registry (or its
    // cache), installed once per set of versions (test/helpers/consumer-tools.ts); the package
    // then goes in beside them as a merchant adds it to a project that has them.
    const devTools = ["typescript", "@types/node", "@stoplight/prism-cli", "vitest"].map(pinned);
    await withTools(consumer, "payspec-consumer", devTools, npm);
    timings["the tools (typescript, @types/node, Prism, vitest)"] = performance.now() - started;
    started = performance.now();
    await Promise.all([npm(["install", "--save-dev", tarball], consumer), npm(["install", tarball], lean)]);
    timings["npm install of the tarball (beside the tools; alone)"] = performance.now() - started;
    for (const file of readdirSync(fixtures)) copyFileSync(path.join(fixtures, file), path.join(consumer, file));
    setupFiles = readmeSetup();
    for (const [file, code] of setupFiles) writeFileSync(path.join(consumer, file), code);

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
  }, 300_000);

  afterAll(async () => {
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    if (work) rmSync(work, { recursive: true, force: true });
    console.info(
      `consumer test timings: ${Object.entries(timings)
        .map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`)
        .join("; ")}`,
    );
  });

  it("ships built JavaScript and declarations, and the bundled specs, only", () => {
    const files = JSON.parse(readFileSync(path.join(work, "files.json"), "utf8")) as string[];
    for (const provider of ["cryptocloud", "cryptomus", "morune"]) {
      expect(files).toContain(`dist/generated/${provider}/index.js`);
      expect(files).toContain(`dist/generated/${provider}/index.d.ts`);
      expect(files).toContain(`dist/openapi/${provider}.json`);
    }
    expect(files).toContain("dist/generated/runtime/signing.js");
    for (const entry of ["index", "vitest", "bin"])
      expect(files).toEqual(expect.arrayContaining([`dist/mock/${entry}.js`, `dist/mock/${entry}.d.ts`]));
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    // The mocks run the pure model and the signers; the toolchain (load, emit, write, CLI) and
    // the mocks' development entry points (which read redocly.yaml) stay home.
    const shipped =
      /^dist\/(generated\/|generator\/(model|extensions|spec|runtime)\/|mock\/[\w-]+\.(js|d\.ts)$|openapi\/[\w-]+\.json$)/;
    expect(files.filter((f) => !shipped.test(f) && f !== "package.json" && !/^(README|LICENSE)/i.test(f))).toEqual([]);
    for (const devOnly of ["start", "cli", "webhook-sender"]) expect(files).not.toContain(`dist/mock/${devOnly}.js`);
  });

  it("installs lean for the clients: no Prism, no toolchain; the mocks then fail with one error saying what to install", async () => {
    const manifestOf = (name: string) =>
      JSON.parse(readFileSync(path.join(lean, "node_modules", name, "package.json"), "utf8")) as Record<
        string,
        Record<string, unknown>
      >;
    const manifest = manifestOf("payspec");
    expect(Object.keys(manifest.dependencies ?? {}).sort()).toEqual(["jose", "openapi-fetch"]);
    // Installed: payspec and what its two dependencies need, nothing else.
    const closure = new Set<string>();
    const visit = (name: string): void => {
      if (closure.has(name)) return;
      closure.add(name);
      for (const dependency of Object.keys(manifestOf(name).dependencies ?? {})) visit(dependency);
    };
    visit("payspec");
    const installed = readdirSync(path.join(lean, "node_modules")).filter((name) => !name.startsWith("."));
    expect(installed.sort()).toEqual([...closure].sort());
    expect(manifest.peerDependencies).toMatchObject({ "@stoplight/prism-cli": "5.14.x" });
    expect(manifest.peerDependenciesMeta).toEqual({
      "@stoplight/prism-cli": { optional: true },
      vitest: { optional: true },
    });
    const install = "npm install --save-dev @stoplight/prism-cli@5.14.x";
    const script =
      "import('payspec/mock').then((m) => m.startMocks()).then(() => console.log('started'), (e) => console.log(JSON.stringify([e.name, e.message])))";
    const started = await exec(process.execPath, ["--input-type=module", "-e", script], lean, 30_000);
    expect(JSON.parse(started.stdout.trim()) as unknown).toEqual([
      "PrismNotInstalledError",
      expect.stringContaining(install),
    ]);
    const bin = await exec(path.join(lean, "node_modules/.bin/payspec-mock"), ["cryptomus"], lean, 30_000);
    expect(bin.code).toBe(1);
    expect(bin.output).toContain(install);
  }, 60_000);

  it("runs the consumer's own vitest tests against the mocks (the README's setup verbatim), and leaves no Prism running", async () => {
    expect([...setupFiles.keys()].sort()).toEqual(["mocks.setup.ts", "payments.test.ts", "vitest.config.ts"]);
    const seen = new Set<number>();
    const started = performance.now();
    const running = exec(
      process.execPath,
      ["node_modules/vitest/vitest.mjs", "run", "--reporter=verbose"],
      consumer,
      300_000,
    );
    let done = false;
    void running.finally(() => (done = true));
    while (!done) {
      for (const pid of await prismsIn(consumer)) seen.add(pid);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const outcome = await running;
    timings["vitest run in the consumer"] = performance.now() - started;
    expect(outcome.code, outcome.output).toBe(0);
    for (const title of [
      "answers its documented example",
      "a walk over three pages",
      "a wrong key of each provider gets its documented 401 or 403",
      "a 503 once: retried, then delivered",
      "each webhook, sent to a local handler that verifies it",
      "survives a 503: the client retries and the page is delivered",
    ]) {
      expect(outcome.output).toContain(title);
    }
    expect(outcome.output).not.toMatch(/\b(skipped|todo)\b/);
    // One Prism per provider, started by the setup file.
    expect(seen.size).toBeGreaterThanOrEqual(3);
    expect(await prismsIn(consumer)).toEqual([]);
  }, 360_000);

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
      validated: true,
      refused: `ValidationError: /body/date_from must match the pattern ${FILTER_DATE_PATTERN}`,
      validatorsResolved: expect.stringMatching(
        /\/node_modules\/payspec\/dist\/generated\/cryptomus\/response-validators\.gen\.js$/,
      ),
    });

    // The second is the same call with the answer validated.
    expect(requests).toHaveLength(2);
    expect(requests[1]!.body.equals(requests[0]!.body)).toBe(true);
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
    it(`type-checks a strict TypeScript consumer of all providers and of the mocks, and rejects a wrongly typed body, with ${name} resolution`, async () => {
      const config = `tsconfig.${name}.json`;
      writeFileSync(
        path.join(consumer, config),
        JSON.stringify(
          {
            compilerOptions: { ...strictOptions, ...resolution },
            files: [
              "consumer.ts",
              "bad-body.ts",
              "mocks.spec.ts",
              ...[...setupFiles.keys()].filter((f) => f !== "vitest.config.ts"),
            ],
          },
          null,
          2,
        ),
      );
      const started = performance.now();
      const outcome = await exec(
        process.execPath,
        ["node_modules/typescript/bin/tsc", "-p", config, "--pretty", "false"],
        consumer,
      );
      timings[`tsc ${name}`] = performance.now() - started;
      const errors = outcome.output.split("\n").filter((line) => line.includes("error TS"));
      expect(errors, outcome.output).toHaveLength(1);
      expect(errors[0]).toMatch(
        /^bad-body\.ts\(5,\d+\): error TS2322: Type 'number' is not assignable to type 'string'\./,
      );
      expect(outcome.code).not.toBe(0);
    }, 120_000);
  }
});
