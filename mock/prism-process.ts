import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { HOST } from "./ports.js";

/** Prism prints this once its HTTP server accepts requests (checked against 5.14.2). */
const READY_TEXT = "Prism is listening";
const LOG_LINES_KEPT = 200;
const LOG_LINES_SHOWN = 40;
const KILL_AFTER_MS = 3000;

export interface PrismOptions {
  /** For messages: the api name. */
  readonly name: string;
  readonly spec: string;
  readonly port: number;
  readonly dynamic?: boolean | undefined;
  readonly seed?: string | undefined;
  readonly readyTimeoutMs: number;
}

export interface PrismProcess {
  /** Undefined only when the spawn itself failed. */
  readonly pid: number | undefined;
  /** Resolves when Prism listens; rejects (with its log) on early exit or timeout. */
  readonly ready: Promise<void>;
  /** The last lines Prism printed. */
  log(): string;
  /** SIGTERM, SIGKILL after 3 s; resolves once the process is gone. Idempotent. */
  stop(): Promise<void>;
}

/** The Prism releases that run on Node 20.19+ (later 5.x need Node 24.14+). */
export const PRISM_RANGE = "5.14.x";

/** Prism is an optional peer dependency of the package: only the mocks need it. */
export class PrismNotInstalledError extends Error {
  override name = "PrismNotInstalledError";
  constructor(options?: ErrorOptions) {
    super(
      `payspec/mock needs Prism beside it, and @stoplight/prism-cli is not installed; install it with: npm install --save-dev @stoplight/prism-cli@${PRISM_RANGE}`,
      options,
    );
  }
}

/** The JS entry of the `prism` bin, run with our own node so the child pid is Prism itself. */
export function prismEntry(): string {
  const require = createRequire(import.meta.url);
  let manifestPath: string;
  try {
    manifestPath = require.resolve("@stoplight/prism-cli/package.json");
  } catch (error) {
    throw new PrismNotInstalledError({ cause: error });
  }
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin?: string | Record<string, string> };
  const bin =
    typeof manifest.bin === "string" ? manifest.bin : (manifest.bin?.prism ?? Object.values(manifest.bin ?? {})[0]);
  if (bin === undefined) throw new Error(`${manifestPath}: no bin entry; is @stoplight/prism-cli installed correctly?`);
  return path.resolve(path.dirname(manifestPath), bin);
}

/**
 * A parent that dies without stopping its children (SIGKILL, a crashed test runner) closes
 * their stdin, and a parent that is gone leaves them reparented; either way Prism exits instead
 * of living on as an orphan.
 */
const WATCHDOG = [
  "const parent = process.ppid;",
  "const leave = () => process.exit(0);",
  "process.stdin.on('end', leave).on('error', leave).resume();",
  "setInterval(() => { if (process.ppid !== parent) leave(); }, 500).unref();",
];

/**
 * Prism 5.14's answer generator requires @faker-js/faker 6, whose main entry builds all of
 * faker's 50-odd locales (1,900 modules, about half of Prism's start-up), and then uses only its
 * default instance, whose locale is English. Faker's English build is that same instance with
 * only the English data (postman-collection, in the same Prism, loads it too), so it goes into
 * the module cache under the main entry's name before Prism starts. Anything laid out otherwise
 * (another faker or Prism) is left alone and loads as usual.
 */
const ENGLISH_FAKER = [
  "try {",
  "  const http = createRequire(createRequire(process.argv[1]).resolve('@stoplight/prism-http'));",
  "  const main = http.resolve('@faker-js/faker');",
  "  const english = main in http.cache ? undefined : http('@faker-js/faker/locale/en');",
  "  if (english?.locale === 'en' && typeof english.helpers === 'object') {",
  "    const entry = new Module(main);",
  "    entry.filename = main;",
  "    entry.loaded = true;",
  "    entry.exports = { __esModule: true, default: english, faker: english };",
  "    http.cache[main] = entry;",
  "  }",
  "} catch {}",
];

/** Loaded into every Prism before it starts (`node --import`). */
export const PRISM_PRELOAD = `data:text/javascript,${encodeURIComponent(
  ['import Module, { createRequire } from "node:module";', ...WATCHDOG, ...ENGLISH_FAKER].join("\n"),
)}`;

// No Prism may outlive its parent. On a normal exit only synchronous work is possible, hence
// SIGKILL. A fatal signal (vitest ends its workers with SIGTERM) skips "exit" handlers, so while
// children live we also listen for those signals; when nobody else handles the signal, we end
// the children and re-raise it so the default action (termination) still happens.
const live = new Set<ChildProcess>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const onExit = (): void => {
  for (const child of live) child.kill("SIGKILL");
};
const signalHandlers = new Map<NodeJS.Signals, () => void>(
  SIGNALS.map((signal) => [
    signal,
    () => {
      if (process.listenerCount(signal) > 1) return; // the host handles it (and stops the mocks)
      for (const child of live) child.kill("SIGTERM");
      uninstallHooks();
      process.kill(process.pid, signal);
    },
  ]),
);
function installHooks(): void {
  process.on("exit", onExit);
  for (const [signal, handler] of signalHandlers) process.on(signal, handler);
}
function uninstallHooks(): void {
  process.off("exit", onExit);
  for (const [signal, handler] of signalHandlers) process.off(signal, handler);
}
function trackChild(child: ChildProcess): void {
  if (live.size === 0) installHooks();
  live.add(child);
  const forget = (): void => {
    if (live.delete(child) && live.size === 0) uninstallHooks();
  };
  child.once("exit", forget);
  child.once("error", forget);
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

export function spawnPrism(options: PrismOptions): PrismProcess {
  const args = ["--import", PRISM_PRELOAD, prismEntry(), "mock", options.spec, "-h", HOST, "-p", String(options.port)];
  if (options.dynamic === true) args.push("-d");
  if (options.seed !== undefined) args.push("--seed", options.seed);
  const child = spawn(process.execPath, args, {
    // stdin is the watchdog's lifeline: nothing is written to it, and it closes when we die.
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  trackChild(child);

  // Keep reading both pipes for the whole life of Prism: it logs every request, and a full
  // pipe would block it.
  const lines: string[] = [];
  let partial = "";
  let listening = false;
  let onListening: (() => void) | undefined;
  const append = (chunk: Buffer): void => {
    const text = partial + chunk.toString("utf8").replace(ANSI, "");
    const parts = text.split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts);
    if (lines.length > LOG_LINES_KEPT) lines.splice(0, lines.length - LOG_LINES_KEPT);
    if (!listening && text.includes(READY_TEXT)) {
      listening = true;
      onListening?.();
    }
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const log = (): string =>
    [...lines, partial]
      .filter((l) => l !== "")
      .slice(-LOG_LINES_SHOWN)
      .join("\n");

  let exited = child.exitCode !== null || child.signalCode !== null;
  const exit = new Promise<void>((resolve) => {
    child.once("exit", () => {
      exited = true;
      resolve();
    });
    // A failed spawn emits "error" and may never emit "exit".
    child.once("error", () => {
      exited = true;
      resolve();
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (exited) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), KILL_AFTER_MS);
      await exit;
      clearTimeout(timer);
    })();
    return stopping;
  };

  const failure = (why: string): Error => {
    // Prism follows a fatal error with its usage text, which can push the cause out of the
    // tail; keep the fatal lines in view.
    const fatal = lines.slice(0, -LOG_LINES_SHOWN).filter((l) => /\bfatal\b/i.test(l));
    const shown = [...fatal, ...(fatal.length > 0 ? ["…"] : []), log() || "(no output)"].join("\n");
    return new Error(
      `Prism for ${options.name} (${options.spec}, port ${options.port}) ${why}; its log (last ${LOG_LINES_SHOWN} lines):\n${shown}`,
    );
  };

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(failure(`was not listening after ${options.readyTimeoutMs} ms`));
      void stop();
    }, options.readyTimeoutMs);
    const settle = (): void => clearTimeout(timer);
    onListening = () => {
      settle();
      resolve();
    };
    if (listening) onListening();
    child.once("error", (error) => {
      settle();
      reject(failure(`could not be started (${error.message})`));
    });
    child.once("exit", (code, signal) => {
      settle();
      // Reading the pipes may lag behind "exit"; wait for "close" so the log is complete.
      child.once("close", () => reject(failure(`exited before listening (${signal ?? `exit code ${String(code)}`})`)));
    });
  });
  // Rejections are for the caller; an unobserved one must not crash the process.
  ready.catch(() => undefined);

  return { pid: child.pid, ready, log, stop };
}
