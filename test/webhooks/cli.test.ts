import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCryptomusWebhookVerifier } from "../../generated/cryptomus/index.js";
import { runCommandLine } from "../../mock/command-line.js";
import { devCommandLine } from "../../mock/dev/command-line.js";
import { REPO } from "../helpers/temp-project.js";
import { startEndpoint } from "./support.js";

const run = promisify(execFile);

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `npm run mock -- <args>` in-process: the command line mock/dev/cli.ts runs, with its output
 * collected instead of printed. A process of its own costs about 1 s of CPU (imports, linting
 * the specs) per call; the one test that spawns it (`spawnedCli`) covers the process wiring.
 */
async function mockCli(...args: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await runCommandLine(args, {
    ...devCommandLine,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

/** `npm run mock -- <args>` as a process, without npm's own output: exit code, stdout, stderr. */
async function spawnedCli(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(REPO, "generator/launch-mock.mjs"), ...args], {
      cwd: REPO,
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === "number" ? failed.code : -1,
      stdout: failed.stdout ?? "",
      stderr: failed.stderr ?? "",
    };
  }
}

describe("npm run mock -- webhook <api> <webhook> --to <url>", () => {
  let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
  beforeAll(async () => {
    endpoint = await startEndpoint(
      createCryptomusWebhookVerifier({ paymentKey: "test-paymentKey", payoutKey: "test-payoutKey" }),
    );
  });
  afterAll(() => endpoint.close());

  it("sends the spec's example, signed with the test key, and exits 0 on a 2xx answer", async () => {
    const result = await mockCli("webhook", "cryptomus", "payout", "--to", endpoint.url);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining(`payout → ${endpoint.url}: HTTP 200`) });
    expect(endpoint.results.at(-1)).toMatchObject({ ok: true, name: "payout" });
  }, 60_000);

  // End to end through the launcher (generator/launch-mock.mjs, mock/dev/cli.ts): argv, the
  // checkout's specs, real stdout, and a nonzero exit code that only process.exit passes on.
  it("sends a given payload with a given key, and exits 1 when the endpoint refuses it", async () => {
    const payload = JSON.stringify({ type: "payment", uuid: "u", additional_data: "a/b — д" });
    const result = await spawnedCli(
      "webhook",
      "cryptomus",
      "payment",
      "--to",
      endpoint.url,
      "--payload",
      payload,
      "--secret",
      "paymentKey=wrong",
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("HTTP 400");
    expect(endpoint.results.at(-1)).toEqual({
      ok: false,
      reason: "signature does not match the body (changed body or wrong key)",
    });
  }, 60_000);

  it("exits 2 with the usage on wrong usage, and 1 naming an unknown webhook", async () => {
    expect(await mockCli("webhook", "cryptomus")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Usage: npm run mock -- webhook"),
    });
    expect(await mockCli("webhook", "cryptomus", "refund", "--print")).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('cryptomus has no webhook "refund"; its spec declares: payment, payout'),
    });
  }, 60_000);
});

describe("npm run mock -- --help", () => {
  it("covers every command: serving the mocks and sending webhooks, with each one's options", async () => {
    const result = await mockCli("--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /Commands:\n {2}serve +serve the mock servers \(the default command\)\n {2}webhook +send a signed webhook notification to a URL/,
    );
    expect(result.stdout).toContain("Usage: npm run mock -- [<provider>...] [--port <n>]");
    expect(result.stdout).toContain("Usage: npm run mock -- webhook <provider> <webhook> (--to <url> | --print)");
    for (const option of [
      "--port",
      "--host",
      "--dynamic",
      "--seed",
      "--secret",
      "--to",
      "--print",
      "--example",
      "--payload",
      "--content-type",
    ])
      expect(result.stdout).toContain(`  ${option} `);
    expect(await mockCli("webhook", "--help")).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Usage: npm run mock -- webhook/),
    });
  }, 60_000);
});
