import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listen, urlOf } from "../../mock/ports.js";
import { MockStartError, type RunningMocks, startMocks } from "../../mock/dev/start.js";

// startMocks on throwaway projects, so these tests depend on no provider's spec.
const LINT = "extends:\n  - minimal\n";
const INFO =
  "info: {title: Tiny, version: '1', license: {name: MIT, url: 'https://example.com'}}\nservers: [{url: 'https://example.com'}]\n";
const TINY = `openapi: 3.1.0
${INFO}paths:
  /ping:
    get:
      operationId: ping
      responses:
        '200':
          description: Pong.
          content:
            application/json:
              schema: {type: object, properties: {ok: {type: boolean}}}
              example: {ok: true}
`;
// Valid for the linter, but Prism refuses to serve a spec without operations.
const NO_OPERATIONS = `openapi: 3.1.0\n${INFO}paths: {}\n`;

const dirs: string[] = [];
function project(specs: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "payspec-mock-"));
  dirs.push(dir);
  mkdirSync(path.join(dir, "specs"));
  const apis = Object.keys(specs).map((name) => `  ${name}:\n    root: specs/${name}.yaml\n`);
  writeFileSync(path.join(dir, "redocly.yaml"), `apis:\n${apis.join("")}${LINT}`);
  for (const [name, text] of Object.entries(specs)) writeFileSync(path.join(dir, "specs", `${name}.yaml`), text);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
}

async function rejection(promise: Promise<unknown>): Promise<MockStartError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof MockStartError)) throw new Error(`expected a MockStartError, got ${String(error)}`);
  return error;
}

async function occupy(port: number): Promise<Server> {
  const server = createServer();
  await listen(server, port);
  return server;
}

const good = project({ alpha: TINY, beta: TINY });

describe("startMocks", () => {
  it("serves every api of redocly.yaml on its own URL and stops every Prism", async () => {
    const mocks: RunningMocks = await startMocks({ dir: good, port: 0 });
    try {
      expect(Object.keys(mocks.urls)).toEqual(["alpha", "beta"]);
      expect(mocks.pids).toHaveLength(2);
      expect(mocks.pids.every(alive)).toBe(true);
      for (const url of Object.values(mocks.urls)) {
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const response = await fetch(`${url}/ping`);
        expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: { ok: true } });
      }
    } finally {
      await mocks.stop();
    }
    expect(mocks.pids.filter(alive)).toEqual([]);
    await expect(mocks.stop()).resolves.toBeUndefined();
    await expect(fetch(`${mocks.urls.alpha}/ping`)).rejects.toThrow();
  });

  it("puts api i on base port + i", async () => {
    // A base port whose successor is free too: probe, release, then start there.
    const probe = createServer();
    const base = await listen(probe, 0);
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const mocks = await startMocks({ dir: good, port: base });
    try {
      expect(mocks.urls).toEqual({ alpha: `http://127.0.0.1:${base}`, beta: `http://127.0.0.1:${base + 1}` });
    } finally {
      await mocks.stop();
    }
  });

  it("names a public port that is in use, and how to choose another, before starting Prism", async () => {
    const blocker = await occupy(0);
    const address = blocker.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    try {
      const error = await rejection(startMocks({ dir: good, apis: ["alpha"], port }));
      expect(error.message).toContain(`port ${port}`);
      expect(error.message).toContain("--port");
      expect(error.pids).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it("rejects with Prism's log when a Prism exits, and stops the ones already started", async () => {
    const dir = project({ alpha: TINY, broken: NO_OPERATIONS });
    const started = Date.now();
    const error = await rejection(startMocks({ dir, port: 0, readyTimeoutMs: 20_000 }));
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(error.message).toContain("Prism for broken");
    expect(error.message).toContain("exited before listening");
    expect(error.message).toContain("No operations found");
    expect(error.pids).toHaveLength(2);
    expect(error.pids.filter(alive)).toEqual([]);
  });

  it("rejects when Prism is not listening in time, and leaves none running", async () => {
    const error = await rejection(startMocks({ dir: good, port: 0, readyTimeoutMs: 1 }));
    expect(error.message).toMatch(/was not listening after 1 ms; its log/);
    expect(error.pids).toHaveLength(2);
    expect(error.pids.filter(alive)).toEqual([]);
  });

  it("gives URLs that reach the mocks: a wildcard host through the loopback, IPv6 in brackets", () => {
    expect([
      urlOf("127.0.0.1", 4010),
      urlOf("0.0.0.0", 4010),
      urlOf("::", 4010),
      urlOf("::1", 4010),
      urlOf("mocks.test", 80),
    ]).toEqual([
      "http://127.0.0.1:4010",
      "http://127.0.0.1:4010",
      "http://[::1]:4010",
      "http://[::1]:4010",
      "http://mocks.test:80",
    ]);
  });

  it("refuses an api that redocly.yaml does not list", async () => {
    await expect(startMocks({ dir: good, apis: ["gamma"] })).rejects.toThrow(/unknown provider "gamma".*alpha, beta/);
  });
});
