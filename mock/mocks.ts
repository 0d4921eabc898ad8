import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AnswerChoice } from "./answers.js";
import { clientOf, type MockControl, type MockInfo } from "./connect.js";
import { type Front, startFront } from "./front.js";
import { type MockApi, mockApi, secretOptions } from "./mock-api.js";
import { pickFreePorts } from "./ports.js";
import { type PrismProcess, prismEntry, spawnPrism } from "./prism-process.js";
import { type MockSpec, selectSpecs, shippedSpecs } from "./specs.js";

export interface StartMocksOptions {
  /** Which providers to serve (by name); default all. */
  readonly providers?: readonly string[];
  /** Base public port: provider i gets port + i (in `providers` order). Default 4010; 0 = any free port. */
  readonly port?: number;
  /** Interface the mocks listen on; default 127.0.0.1 (Prism itself always listens there). */
  readonly host?: string;
  /** Random schema-valid answers instead of the documented examples (Prism `-d`). */
  readonly dynamic?: boolean;
  /** Seed for `dynamic`, for reproducible answers. */
  readonly seed?: string;
  /** Option → secret, overriding the defaults (`test-<option>`). */
  readonly secrets?: Readonly<Record<string, string>>;
  /** The specs to serve; default those that ship with the package. */
  readonly specs?: readonly MockSpec[];
  /** How long each Prism may take to listen; default 30000. */
  readonly readyTimeoutMs?: number;
}

export interface RunningMocks extends MockControl {
  /** The plain data tests need (URLs, secrets), e.g. for a test runner to hand to its workers. */
  readonly info: MockInfo;
  /** Pids of the Prism processes. */
  readonly pids: readonly number[];
  /** Closes the mocks and ends every Prism; resolves when all are gone. Idempotent. */
  stop(): Promise<void>;
}

const DEFAULT_PORT = 4010;
const DEFAULT_READY_TIMEOUT_MS = 30_000;

/** Starting failed; every Prism listed in `pids` has been stopped and awaited. */
export class MockStartError extends Error {
  override name = "MockStartError";
  constructor(
    message: string,
    readonly pids: readonly number[],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

function pidsOf(prisms: readonly PrismProcess[]): number[] {
  return prisms.flatMap((p) => (p.pid === undefined ? [] : [p.pid]));
}

/** The fake secret a mock expects for an option unless told otherwise. */
export function defaultSecret(option: string): string {
  return `test-${option}`;
}

function secretsFor(
  apis: readonly MockApi[],
  overrides: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const defaults = Object.fromEntries(
    apis.flatMap((api) => secretOptions(api.model)).map((option) => [option, defaultSecret(option)]),
  );
  return { ...defaults, ...overrides };
}

/**
 * Starts one Prism per provider, each behind a front that does what Prism cannot: it checks
 * credentials and signatures against the test secrets, enforces `x-exactly-one-of`, walks the
 * declared pages, answers refusals in the provider's shape, and gives the answers tests force.
 * Fails whole: if one Prism does not come up, everything started is stopped and the error
 * carries that Prism's log.
 */
export async function startMocks(options: StartMocksOptions = {}): Promise<RunningMocks> {
  const basePort = options.port ?? DEFAULT_PORT;
  if (!Number.isInteger(basePort) || basePort < 0 || basePort > 65535)
    throw new Error(`port must be an integer from 0 to 65535, got ${basePort}`);
  // Before anything starts: a missing Prism is one clear error, not a half-started set.
  prismEntry();
  const specs = selectSpecs(options.specs ?? (await shippedSpecs()), options.providers);
  const apis = specs.map(mockApi);
  const secrets = secretsFor(apis, options.secrets);

  const fronts: Front[] = [];
  const prisms: PrismProcess[] = [];
  let scratch: string | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= Promise.all([...fronts.map((f) => f.close()), ...prisms.map((p) => p.stop())]).then(async () => {
      if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
    });
    return stopping;
  };

  try {
    // Fronts first: a taken public port fails before any Prism starts, and the bound fronts
    // keep the OS from handing their ports to Prism.
    for (const [i, api] of apis.entries()) {
      fronts.push(
        await startFront({
          api,
          secrets,
          port: basePort === 0 ? 0 : basePort + i,
          dynamic: options.dynamic === true,
          ...(options.host ? { host: options.host } : {}),
        }),
      );
    }
    const files: string[] = [];
    for (const spec of specs) {
      if (spec.file !== undefined) {
        files.push(spec.file);
        continue;
      }
      scratch ??= await mkdtemp(path.join(tmpdir(), "payspec-mock-"));
      const file = path.join(scratch, `${spec.name}.json`);
      await writeFile(file, JSON.stringify(spec.document));
      files.push(file);
    }
    const prismPorts = await pickFreePorts(apis.length);
    const readyTimeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
    for (const [i, api] of apis.entries()) {
      prisms.push(
        spawnPrism({
          name: api.name,
          spec: files[i]!,
          port: prismPorts[i]!,
          dynamic: options.dynamic,
          seed: options.seed,
          readyTimeoutMs,
        }),
      );
    }
    await Promise.all(prisms.map((p) => p.ready));
    for (const [i, front] of fronts.entries()) front.setUpstream(prismPorts[i]!);
  } catch (error) {
    await stop();
    throw new MockStartError(error instanceof Error ? error.message : String(error), pidsOf(prisms), { cause: error });
  }

  const info: MockInfo = { urls: Object.fromEntries(apis.map((api, i) => [api.name, fronts[i]!.url])), secrets };
  const frontOf = (provider: string): Front => {
    const index = apis.findIndex((api) => api.name === provider);
    if (index < 0) throw new Error(`no mock for "${provider}"; running: ${apis.map((a) => a.name).join(", ")}`);
    return fronts[index]!;
  };
  return {
    ...info,
    info,
    pids: pidsOf(prisms),
    stop,
    answer: async (provider: string, operationId: string, choice: AnswerChoice) =>
      frontOf(provider).answers.add(operationId, choice),
    reset: async (provider?: string) => {
      for (const front of provider === undefined ? fronts : [frontOf(provider)]) front.answers.reset();
    },
    client: clientOf(info),
  };
}
