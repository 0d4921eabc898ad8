import {
  Agent,
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  request as httpRequest,
  type ServerResponse,
} from "node:http";
import { withPointer } from "../generator/runtime/pointer.js";
import { type AnswerChoice, AnswerQueue, transientBody } from "./answers.js";
import { checkCredentials, checkExactlyOneOf, type GuardedRequest, invalidRequest, type Refusal } from "./guards.js";
import type { MockApi, MockOperation } from "./mock-api.js";
import { type PagePlan, planPage } from "./pages.js";
import { HOST, listen, urlOf } from "./ports.js";
import { violationsOf } from "./refusal.js";
import { createRouter } from "./route.js";

export interface FrontOptions {
  readonly api: MockApi;
  readonly secrets: Readonly<Record<string, string>>;
  /** Public port; 0 = any free port. */
  readonly port: number;
  /** Interface to listen on; default 127.0.0.1. */
  readonly host?: string;
  /** Prism makes answers up (`-d`); pages keep only their paging fields. */
  readonly dynamic?: boolean;
}

/** The thin proxy in front of one Prism: checks what Prism cannot, forwards the rest. */
export interface Front {
  readonly port: number;
  readonly url: string;
  /** The answers tests forced on this front's operations. */
  readonly answers: AnswerQueue;
  /** Where Prism listens; set once it is started (requests before that get a 503). */
  setUpstream(port: number): void;
  close(): Promise<void>;
}

/** Requests below this path are for the front itself (forcing answers), never for Prism. */
export const CONTROL_PATH = "/__payspec/answers";

// Hop-by-hop headers belong to one connection, not to the message (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, headers: IncomingHttpHeaders, body: Buffer): void {
  res.writeHead(status, { ...headers, "content-length": String(body.length) });
  res.end(body);
}

function reply(res: ServerResponse, refusal: Refusal): void {
  const violations =
    refusal.violation === undefined
      ? {}
      : { "sl-violations": JSON.stringify([{ ...refusal.violation, severity: "Error", code: refusal.status }]) };
  send(
    res,
    refusal.status,
    { "content-type": refusal.contentType, ...violations },
    Buffer.from(JSON.stringify(refusal.body)),
  );
}

/** What the front does with Prism's answer: the provider's refusal shape, or a page's paging fields. */
function rework(
  operation: MockOperation | undefined,
  plan: PagePlan | undefined,
  status: number,
  headers: IncomingHttpHeaders,
  body: Buffer,
): { status: number; headers: IncomingHttpHeaders; body: Buffer } {
  const header = headers["sl-violations"];
  const [first, ...rest] = violationsOf(typeof header === "string" ? header : undefined);
  if (operation?.invalid !== undefined && status >= 400 && first !== undefined) {
    const refusal = invalidRequest(operation, [first, ...rest]);
    // Prism's own list of violations stays: it says more than the refusal body.
    return {
      status: refusal.status,
      headers: { ...headers, "content-type": refusal.contentType },
      body: Buffer.from(JSON.stringify(refusal.body)),
    };
  }
  if (plan?.patch !== undefined && status >= 200 && status < 300) {
    try {
      const parsed: unknown = JSON.parse(body.toString("utf8"));
      return {
        status,
        headers,
        body: Buffer.from(JSON.stringify(withPointer(parsed, plan.patch.pointer, plan.patch.value))),
      };
    } catch {
      // Not JSON: nothing to page.
    }
  }
  return { status, headers, body };
}

interface ControlRequest extends AnswerChoice {
  readonly operation?: unknown;
}

export async function startFront(options: FrontOptions): Promise<Front> {
  const { api } = options;
  const route = createRouter(api.operations.map((o) => o.model));
  const byId = new Map(api.operations.map((o) => [o.model.id, o]));
  const answers = new AnswerQueue(api);
  const credentials = { secrets: options.secrets, checked: api.checked, unauthorized: api.unauthorized };
  const agent = new Agent({ keepAlive: true });
  let upstream: number | undefined;

  const control = (req: IncomingMessage, res: ServerResponse, body: Buffer): void => {
    const answer = (status: number, message?: string): void =>
      send(
        res,
        status,
        { "content-type": "application/json" },
        Buffer.from(JSON.stringify(message === undefined ? { ok: true } : { error: message })),
      );
    if (req.method === "DELETE") {
      answers.reset();
      answer(200);
      return;
    }
    if (req.method !== "POST") {
      answer(
        405,
        `POST ${CONTROL_PATH} { operation, status?, example?, times? } forces an answer; DELETE ${CONTROL_PATH} resets them`,
      );
      return;
    }
    try {
      const choice = JSON.parse(body.toString("utf8")) as ControlRequest;
      if (typeof choice.operation !== "string")
        throw new Error("name the operation: { operation, status?, example?, times? }");
      answers.add(choice.operation, choice);
      answer(200);
    } catch (error) {
      answer(400, error instanceof Error ? error.message : String(error));
    }
  };

  const forward = (
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    port: number,
    operation: MockOperation | undefined,
    plan: PagePlan | undefined,
  ): void => {
    // The body was buffered, so its length is known: send it whole rather than chunked.
    const headers = {
      ...endToEnd(req.headers),
      ...(body.length > 0 || req.headers["content-length"] !== undefined
        ? { "content-length": String(body.length) }
        : {}),
      ...(plan === undefined ? {} : { prefer: plan.prefer }),
    };
    const outgoing = httpRequest({ host: HOST, port, method: req.method, path: req.url, headers, agent }, (answer) => {
      readBody(answer).then(
        (received) => {
          const reworked = rework(operation, plan, answer.statusCode ?? 502, endToEnd(answer.headers), received);
          send(res, reworked.status, reworked.headers, reworked.body);
        },
        (error: unknown) => res.destroy(error instanceof Error ? error : undefined),
      );
    });
    outgoing.on("error", (error) => {
      if (res.headersSent) {
        res.destroy(error);
        return;
      }
      reply(res, {
        status: 502,
        contentType: "application/json",
        body: { message: `mock front: Prism for ${api.name} did not answer (${error.message})` },
      });
    });
    outgoing.end(body);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? "/", "http://front.invalid");
      if (url.pathname === CONTROL_PATH) {
        control(req, res, body);
        return;
      }
      if (upstream === undefined) {
        reply(res, {
          status: 503,
          contentType: "application/json",
          body: { message: `mock front: Prism for ${api.name} is not started yet` },
        });
        return;
      }
      const found = route(req.method ?? "GET", url.pathname);
      const operation = found === undefined ? undefined : byId.get(found.id);
      if (operation === undefined) {
        forward(req, res, body, upstream, undefined, undefined);
        return;
      }
      const request: GuardedRequest = { body, headers: req.headers, query: url.searchParams };
      const refusal = checkCredentials(operation, request, credentials) ?? checkExactlyOneOf(operation, request);
      if (refusal !== undefined) {
        reply(res, refusal);
        return;
      }
      const forced = answers.take(operation.model.id);
      if (forced !== undefined && "status" in forced) {
        send(
          res,
          forced.status,
          { "content-type": "text/plain; charset=utf-8" },
          Buffer.from(transientBody(forced.status)),
        );
        return;
      }
      // A forced answer wins; an explicit Prefer header from the client is left to Prism.
      const plan =
        forced ??
        (req.headers.prefer === undefined ? planPage(operation, request, options.dynamic === true) : undefined);
      if (plan !== undefined && !("prefer" in plan)) {
        reply(res, invalidRequest(operation, [plan]));
        return;
      }
      forward(req, res, body, upstream, operation, plan);
    })().catch((error: unknown) => {
      if (!res.headersSent) {
        reply(res, {
          status: 500,
          contentType: "application/json",
          body: { message: `mock front: ${error instanceof Error ? error.message : String(error)}` },
        });
      } else {
        res.destroy();
      }
    });
  });

  const host = options.host ?? HOST;
  const port = await listen(server, options.port, host);
  let closing: Promise<void> | undefined;
  return {
    port,
    url: urlOf(host, port),
    answers,
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
