import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { mockApi } from "./mock-api.js";
import { type RunningMocks, startMocks } from "./mocks.js";
import { type MockSpec, selectSpecs } from "./specs.js";
import { buildWebhook, sendWebhook } from "./webhooks.js";

/** Where the command line gets its specs, and how it is called (for the usage texts). */
export interface CommandLine {
  /** `payspec-mock`, or `npm run mock --` inside the repository. */
  readonly program: string;
  specs(): Promise<MockSpec[]>;
  /**
   * Where the output goes; default process.stdout. Tests that run commands in-process pass
   * their own, so they read what a user would see without spawning the CLI.
   */
  readonly stdout?: (text: string) => void;
  /** Where the errors and usage on wrong usage go; default process.stderr. */
  readonly stderr?: (text: string) => void;
}

/** A command line with its writers settled. */
type Resolved = CommandLine & Required<Pick<CommandLine, "stdout" | "stderr">>;

interface Command {
  readonly summary: string;
  usage(program: string): string;
  run(args: string[], cli: Resolved): Promise<number>;
}

function secretsOf(pairs: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf("=");
      if (at <= 0) throw new Error(`--secret takes option=value, got ${JSON.stringify(pair.slice(0, 40))}`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function printTable(mocks: RunningMocks, cli: Resolved): void {
  const width = Math.max(...Object.keys(mocks.urls).map((name) => name.length), "provider".length);
  const rows = Object.entries(mocks.urls).map(([name, url]) => `  ${name.padEnd(width)}  ${url}`);
  const secretWidth = Math.max(0, ...Object.keys(mocks.secrets).map((name) => name.length));
  const secrets = Object.entries(mocks.secrets).map(([option, value]) => `  ${option.padEnd(secretWidth)}  ${value}`);
  cli.stdout(
    [
      `  ${"provider".padEnd(width)}  URL`,
      ...rows,
      "",
      "Test secrets (option → the value the mocks check credentials against and sign webhooks with):",
      ...secrets,
      "",
      "Ctrl-C to stop.",
      "",
    ].join("\n"),
  );
}

/** Stops on the first SIGINT/SIGTERM; resolves with the exit code. */
function waitForSignal(mocks: RunningMocks, cli: Resolved): Promise<number> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      cli.stdout(`\n${signal}: stopping the mocks…\n`);
      mocks.stop().then(
        () => resolve(0),
        (error: unknown) => {
          cli.stderr(`error while stopping: ${message(error)}\n`);
          resolve(1);
        },
      );
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}

const serve: Command = {
  summary: "serve the mock servers (the default command)",
  usage: (
    program,
  ) => `Usage: ${program} [<provider>...] [--port <n>] [--host <address>] [--dynamic] [--seed <s>] [--secret <option=value>]...

Starts one Prism mock server per provider (default: all), each behind a front that checks
credentials and signatures against the test secrets, enforces x-exactly-one-of, pages through
the declared page examples, answers refusals in the provider's shape, and gives the answers
tests force. Prints their URLs and test secrets, and runs until Ctrl-C.

  --port <n>              base port; provider i listens on n + i (default 4010; 0 = any free port)
  --host <address>        interface to listen on (default 127.0.0.1)
  --dynamic               random schema-valid answers instead of the documented examples (Prism -d)
  --seed <s>              seed for --dynamic, for reproducible answers
  --secret <option=value> a test secret other than test-<option> (repeatable)
  --help                  this text`,
  async run(args, cli) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        dynamic: { type: "boolean", default: false },
        seed: { type: "string" },
        secret: { type: "string", multiple: true, default: [] },
        help: { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) {
      cli.stdout(`${serve.usage(cli.program)}\n`);
      return 0;
    }
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
      cli.stderr(`--port must be an integer from 0 to 65535, got "${values.port}"\n`);
      return 2;
    }
    let mocks: RunningMocks;
    try {
      mocks = await startMocks({
        specs: await cli.specs(),
        providers: positionals,
        dynamic: values.dynamic,
        secrets: secretsOf(values.secret),
        ...(port !== undefined ? { port } : {}),
        ...(values.host !== undefined ? { host: values.host } : {}),
        ...(values.seed !== undefined ? { seed: values.seed } : {}),
      });
    } catch (error) {
      cli.stderr(`${cli.program}: the mocks could not be started:\n${message(error)}\n`);
      return 1;
    }
    printTable(mocks, cli);
    return waitForSignal(mocks, cli);
  },
};

async function payloadOf(value: string | undefined): Promise<Record<string, unknown> | undefined> {
  if (value === undefined) return undefined;
  const text = value.startsWith("@") ? await readFile(value.slice(1), "utf8") : value;
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new Error("--payload must be a JSON object");
  return parsed as Record<string, unknown>;
}

const webhook: Command = {
  summary: "send a signed webhook notification to a URL",
  usage: (program) => `Usage: ${program} webhook <provider> <webhook> (--to <url> | --print) [options]

Sends a correctly signed notification of <webhook> (a name under webhooks: in the spec of
<provider>, e.g. "cryptomus payment") to <url>, as the provider would, and prints the answer.
The payload is the spec's first example unless --example or --payload says otherwise; the
keys are the mocks' test secrets (test-<option>) unless --secret says otherwise.

  --to <url>              the endpoint to notify
  --print                 print the signed request instead of sending it
  --example <name>        a named example of the spec
  --payload <json|@file>  the notification to send (a signature field in it is replaced)
  --content-type <type>   one of the webhook's media types (default its first)
  --secret <option=value> a key, e.g. --secret paymentKey=... (repeatable)
  --help                  this text

Exit codes: 0 the endpoint answered 2xx (or --print); 1 it answered otherwise or the
request failed; 2 wrong usage.`,
  async run(args, cli) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        to: { type: "string" },
        print: { type: "boolean", default: false },
        example: { type: "string" },
        payload: { type: "string" },
        "content-type": { type: "string" },
        secret: { type: "string", multiple: true, default: [] },
        help: { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) {
      cli.stdout(`${webhook.usage(cli.program)}\n`);
      return 0;
    }
    const [provider, name, ...extra] = positionals;
    const oneTarget = (values.to !== undefined) !== values.print;
    if (provider === undefined || name === undefined || extra.length > 0 || !oneTarget) {
      cli.stderr(`${webhook.usage(cli.program)}\n`);
      return 2;
    }
    try {
      const payload = await payloadOf(values.payload);
      const options = {
        ...(values.example !== undefined ? { example: values.example } : {}),
        ...(values["content-type"] !== undefined ? { mediaType: values["content-type"] } : {}),
        ...(payload !== undefined ? { payload } : {}),
        secrets: secretsOf(values.secret),
      };
      const [spec] = selectSpecs(await cli.specs(), [provider]);
      const model = mockApi(spec!).model;
      if (values.print) {
        const built = await buildWebhook(model, name, options);
        const headers = Object.entries(built.headers).map(([header, value]) => `${header}: ${value}`);
        cli.stdout(`${built.webhook.method.toUpperCase()} <url>\n${headers.join("\n")}\n\n${built.body}\n`);
        return 0;
      }
      const sent = await sendWebhook({ ...options, provider: model, webhook: name, to: values.to! });
      cli.stdout(`${sent.webhook.name} → ${values.to}: HTTP ${sent.status}\n${sent.responseBody.slice(0, 500)}\n`);
      return sent.status >= 200 && sent.status < 300 ? 0 : 1;
    } catch (error) {
      cli.stderr(`${cli.program} webhook: ${message(error)}\n`);
      return 1;
    }
  },
};

// The first argument picks a command; without one (or with a provider name), the mocks are served.
const commands: Readonly<Record<string, Command>> = { serve, webhook };

/** Every command's usage: what `--help` prints. */
function helpText(program: string): string {
  const list = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return [`Commands:\n${list.join("\n")}`, ...Object.values(commands).map((c) => c.usage(program))].join("\n\n");
}

/** Runs one command line; resolves with the exit code. */
export async function runCommandLine(argv: readonly string[], options: CommandLine): Promise<number> {
  const cli: Resolved = {
    program: options.program,
    specs: () => options.specs(),
    stdout:
      options.stdout ??
      ((text) => {
        process.stdout.write(text);
      }),
    stderr:
      options.stderr ??
      ((text) => {
        process.stderr.write(text);
      }),
  };
  const [first, ...rest] = argv;
  if (first === "--help" || first === "-h" || first === "help") {
    cli.stdout(`${helpText(cli.program)}\n`);
    return 0;
  }
  const command = first === undefined ? undefined : commands[first];
  const chosen = command ?? serve;
  try {
    return await chosen.run(command === undefined ? [...argv] : rest, cli);
  } catch (error) {
    // parseArgs throws on unknown or malformed options.
    cli.stderr(`${message(error)}\n\n${chosen.usage(cli.program)}\n`);
    return 2;
  }
}
