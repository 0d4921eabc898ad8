import { createServer, type Server } from "node:net";

/** Where Prism listens, and the mocks by default: the loopback interface only. */
export const HOST = "127.0.0.1";

/** A public port the user asked for is taken: say which one and how to pick another. */
export class PortInUseError extends Error {
  override name = "PortInUseError";
  constructor(
    readonly port: number,
    host = HOST,
  ) {
    super(
      `port ${port} on ${host} is already in use; stop whatever listens there or choose another base port with --port (option port; 0 = any free port)`,
    );
  }
}

/** Binds `server` to `host`:`port` (0 = any free port) and returns the bound port. */
export function listen(
  server: Pick<Server, "listen" | "address" | "once" | "off">,
  port: number,
  host = HOST,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(error.code === "EADDRINUSE" || error.code === "EACCES" ? new PortInUseError(port, host) : error);
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      const address = server.address();
      if (address === null || typeof address === "string") {
        reject(new Error(`cannot read the bound address of ${host}:${port}`));
        return;
      }
      resolve(address.port);
    });
  });
}

/** The base URL for a server bound to `host`: a wildcard address is reached through the loopback. */
export function urlOf(host: string, port: number): string {
  const reachable = host === "0.0.0.0" ? HOST : host === "::" ? "::1" : host;
  return `http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${port}`;
}

/**
 * `count` distinct free ports for the Prism processes. All probes are held open together so
 * the OS cannot hand out the same port twice; Prism binds them a moment later.
 */
export async function pickFreePorts(count: number): Promise<number[]> {
  const probes = Array.from({ length: count }, () => createServer());
  try {
    return await Promise.all(probes.map((probe) => listen(probe, 0)));
  } finally {
    await Promise.all(
      probes.map(
        (probe) => new Promise<void>((resolve) => (probe.listening ? probe.close(() => resolve()) : resolve())),
      ),
    );
  }
}
