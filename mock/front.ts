import { Agent, createServer, type IncomingHttpHeaders, type IncomingMessage, request as httpRequest, type ServerResponse } from "node:http";
import type { ApiModel } from "../generator/model/types.js";
import { checkExactlyOneOf, checkSignature, type Refusal } from "./guards.js";
import { HOST, listen } from "./ports.js";
import { createRouter } from "./route.js";

export interface FrontOptions {
  readonly model: ApiModel;
  readonly secrets: Readonly<Record<string, string>>;
  /** Public port; 0 = any free port. */
  readonly port: number;
}

/** The thin proxy in front of one Prism: checks what Prism cannot, forwards the rest. */
export interface Front {
  readonly port: number;
  readonly url: string;
  /** Where Prism listens; set once it is started (requests before that get a 503). */
  setUpstream(port: number): void;
  close(): Promise<void>;
}

// Hop-by-hop headers belong to one connection, not to the message (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"]);

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function reply(res: ServerResponse, refusal: Refusal): void {
  const body = JSON.stringify(refusal.body);
  const violations =
    refusal.violation === undefined ? {} : { "sl-violations": JSON.stringify([{ ...refusal.violation, severity: "Error", code: refusal.status }]) };
  res.writeHead(refusal.status, { "content-type": refusal.contentType, "content-length": Buffer.byteLength(body), ...violations });
  res.end(body);
}

export async function startFront(options: FrontOptions): Promise<Front> {
  const route = createRouter(options.model.operations);
  const agent = new Agent({ keepAlive: true });
  let upstream: number | undefined;

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, port: number): void => {
    // The body was buffered, so its length is known: send it whole rather than chunked.
    const headers = { ...endToEnd(req.headers), ...(body.length > 0 || req.headers["content-length"] !== undefined ? { "content-length": String(body.length) } : {}) };
    const outgoing = httpRequest({ host: HOST, port, method: req.method, path: req.url, headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.headers));
      answer.pipe(res);
    });
    outgoing.on("error", (error) => {
      if (res.headersSent) {
        res.destroy(error);
        return;
      }
      reply(res, { status: 502, contentType: "application/json", body: { message: `mock front: Prism for ${options.model.name} did not answer (${error.message})` } });
    });
    outgoing.end(body);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (upstream === undefined) {
        reply(res, { status: 503, contentType: "application/json", body: { message: `mock front: Prism for ${options.model.name} is not started yet` } });
        return;
      }
      const url = new URL(req.url ?? "/", "http://front.invalid");
      const operation = route(req.method ?? "GET", url.pathname);
      if (operation !== undefined) {
        const guarded = { body: body.toString("utf8"), headers: req.headers, query: url.searchParams };
        const refusal = checkSignature(operation, guarded, options.secrets) ?? checkExactlyOneOf(operation, guarded);
        if (refusal !== undefined) {
          reply(res, refusal);
          return;
        }
      }
      forward(req, res, body, upstream);
    })().catch((error: unknown) => {
      if (!res.headersSent) {
        reply(res, { status: 500, contentType: "application/json", body: { message: `mock front: ${error instanceof Error ? error.message : String(error)}` } });
      } else {
        res.destroy();
      }
    });
  });

  const port = await listen(server, options.port);
  let closing: Promise<void> | undefined;
  return {
    port,
    url: `http://${HOST}:${port}`,
    setUpstream(prismPort) {
      upstream = prismPort;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections of clients would hold close() open.
        server.closeAllConnections();
        agent.destroy();
      });
      return closing;
    },
  };
}
