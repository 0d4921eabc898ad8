import path from "node:path";
import { loadSpec } from "../generator/load/load-spec.js";
import { type ApiEntry, loadProject } from "../generator/load/project.js";
import { buildModel } from "../generator/model/build-model.js";
import type { ApiModel } from "../generator/model/types.js";
import { type Front, startFront } from "./front.js";
import { pickFreePorts } from "./ports.js";
import { type PrismProcess, spawnPrism } from "./prism-process.js";

export interface StartMocksOptions {
  /** Project directory holding redocly.yaml; default process.cwd(). */
  dir?: string;
  /** A subset of redocly.yaml `apis:`; default all. */
  apis?: string[];
  /** Base public port: api i gets port + i (in `apis` order). Default 4010; 0 = any free port. */
  port?: number;
  /** Prism `-d`: random schema-valid answers instead of examples. */
  dynamic?: boolean;
  /** Prism `--seed`, for reproducible dynamic answers. */
  seed?: string;
  /** Credential option name → secret; overrides the defaults of defaultSecret(). */
  secrets?: Record<string, string>;
  /** How long each Prism may take to listen; default 30000. */
  readyTimeoutMs?: number;
}

export interface RunningMocks {
  /** Api name → base URL of its front, http://127.0.0.1:PORT. */
  readonly urls: Record<string, string>;
  /** Credential option → the secret the fronts check signatures with. */
  readonly secrets: Record<string, string>;
  /** Pids of the Prism processes. */
  readonly pids: number[];
  /** Closes the fronts and ends every Prism; resolves when all are gone. Idempotent. */
  stop(): Promise<void>;
}

const DEFAULT_PORT = 4010;
const DEFAULT_READY_TIMEOUT_MS = 30_000;

/** Starting failed; every Prism listed in `pids` has been stopped and awaited. */
export class MockStartError extends Error {
  override name = "MockStartError";
  constructor(
    message: string,
    readonly pids: number[],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

function pidsOf(prisms: readonly PrismProcess[]): number[] {
  return prisms.flatMap((p) => (p.pid === undefined ? [] : [p.pid]));
}

/** The fake secret a mock expects for a credential option unless told otherwise. */
export function defaultSecret(option: string): string {
  return `test-${option}`;
}

function selectApis(all: readonly ApiEntry[], wanted: readonly string[] | undefined, configFile: string): ApiEntry[] {
  if (wanted === undefined || wanted.length === 0) return [...all];
  return [...new Set(wanted)].map((name) => {
    const entry = all.find((api) => api.name === name);
    if (entry === undefined) throw new Error(`unknown api "${name}"; ${configFile} lists: ${all.map((a) => a.name).join(", ")}`);
    return entry;
  });
}

function secretsFor(models: readonly ApiModel[], overrides: Record<string, string> | undefined): Record<string, string> {
  const defaults = Object.fromEntries(models.flatMap((m) => m.credentials).map((c) => [c.option, defaultSecret(c.option)]));
  return { ...defaults, ...overrides };
}

/**
 * Starts one Prism per api of redocly.yaml, each behind a front that checks request
 * signatures and `x-exactly-one-of` (what Prism cannot). Fails whole: if one Prism does not
 * come up, everything started is stopped and the error carries that Prism's log.
 */
export async function startMocks(options: StartMocksOptions = {}): Promise<RunningMocks> {
  const dir = path.resolve(options.dir ?? process.cwd());
  const basePort = options.port ?? DEFAULT_PORT;
  if (!Number.isInteger(basePort) || basePort < 0 || basePort > 65535) throw new Error(`port must be an integer from 0 to 65535, got ${basePort}`);
  const project = await loadProject(dir);
  const apis = selectApis(project.apis, options.apis, path.join(dir, "redocly.yaml"));
  const models = await Promise.all(apis.map(async (api) => buildModel(await loadSpec(api, project.config))));
  const secrets = secretsFor(models, options.secrets);

  const fronts: Front[] = [];
  const prisms: PrismProcess[] = [];
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= Promise.all([...fronts.map((f) => f.close()), ...prisms.map((p) => p.stop())]).then(() => undefined);
    return stopping;
  };

  try {
    // Fronts first: a taken public port fails before any Prism starts, and the bound fronts
    // keep the OS from handing their ports to Prism.
    for (const [i, model] of models.entries()) {
      fronts.push(await startFront({ model, secrets, port: basePort === 0 ? 0 : basePort + i }));
    }
    const prismPorts = await pickFreePorts(apis.length);
    const readyTimeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
    for (const [i, api] of apis.entries()) {
      prisms.push(spawnPrism({ name: api.name, spec: api.root, port: prismPorts[i]!, dynamic: options.dynamic, seed: options.seed, readyTimeoutMs }));
    }
    await Promise.all(prisms.map((p) => p.ready));
    fronts.forEach((front, i) => front.setUpstream(prismPorts[i]!));
  } catch (error) {
    await stop();
    throw new MockStartError(error instanceof Error ? error.message : String(error), pidsOf(prisms), { cause: error });
  }

  return {
    urls: Object.fromEntries(apis.map((api, i) => [api.name, fronts[i]!.url])),
    secrets,
    pids: pidsOf(prisms),
    stop,
  };
}
