import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterEach } from "vitest";

export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

export type Handler = (request: Received, response: ServerResponse, socket: Socket) => void | Promise<void>;

export interface LocalServer {
  readonly url: string;
  readonly received: Received[];
  /** Closes the server and its connections; closing it again does nothing more. */
  close(): Promise<void>;
}

/**
 * A programmable HTTP server on 127.0.0.1 for fault-injection tests: each request is recorded
 * and answered by the next queued handler (the last one repeats).
 */
export async function localServer(...handlers: Handler[]): Promise<LocalServer> {
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      received.push(request);
      const handler = handlers[Math.min(received.length - 1, handlers.length - 1)]!;
      void Promise.resolve(handler(request, res, req.socket)).catch(() => res.destroy());
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * `localServer` for the tests of one file: every server a test starts is closed after that test,
 * however many it starts. Call it at the top level of the test file (it registers `afterEach`).
 */
export function localServersPerTest(): (...handlers: Handler[]) => Promise<LocalServer> {
  const open: LocalServer[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
  return async (...handlers) => {
    const server = await localServer(...handlers);
    open.push(server);
    return server;
  };
}

/** Answers JSON with a status. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  };
}
