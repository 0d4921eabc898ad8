import { parseArgs } from "node:util";
import { type RunningMocks, startMocks } from "./start.js";
import { webhookCommand } from "./webhook-command.js";

/** One `npm run mock -- <command>`; the default command serves the mocks. */
interface Command {
  readonly summary: string;
  readonly usage: string;
  run(args: string[]): Promise<number>;
}

const SERVE_USAGE = `Usage: npm run mock [-- [--port <n>] [--api <name>]... [--dynamic] [--seed <s>]]

Starts one Prism mock server per api of redocly.yaml, each behind a front that checks
request signatures and x-exactly-one-of, prints their URLs and test secrets, and runs
until Ctrl-C.

  --port <n>     base port; api i listens on n + i (default 4010; 0 = any free port)
  --api <name>   only this api (repeatable; default all)
  --dynamic      random schema-valid answers instead of the documented examples (Prism -d)
  --seed <s>     seed for --dynamic, for reproducible answers
  --help         this text`;

function printTable(mocks: RunningMocks): void {
  const width = Math.max(...Object.keys(mocks.urls).map((name) => name.length), "provider".length);
  const rows = Object.entries(mocks.urls).map(([name, url]) => `  ${name.padEnd(width)}  ${url}`);
  const secretWidth = Math.max(0, ...Object.keys(mocks.secrets).map((name) => name.length));
  const secrets = Object.entries(mocks.secrets).map(([option, value]) => `  ${option.padEnd(secretWidth)}  ${value}`);
  process.stdout.write(
    [`  ${"provider".padEnd(width)}  URL`, ...rows, "", "Test secrets (client option → value the mocks expect):", ...secrets, "", "Ctrl-C to stop.", ""].join("\n"),
  );
}

/** Stops on the first SIGINT/SIGTERM; resolves with the exit code. */
function waitForSignal(mocks: RunningMocks): Promise<number> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      process.stdout.write(`\n${signal}: stopping the mocks…\n`);
      mocks.stop().then(
        () => resolve(0),
        (error: unknown) => {
          process.stderr.write(`error while stopping: ${error instanceof Error ? error.message : String(error)}\n`);
          resolve(1);
        },
      );
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}

const serve: Command = {
  summary: "start the mock servers (default)",
  usage: SERVE_USAGE,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: "string" },
        api: { type: "string", multiple: true },
        dynamic: { type: "boolean", default: false },
        seed: { type: "string" },
        help: { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      process.stdout.write(`${SERVE_USAGE}\n`);
      return 0;
    }
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
      process.stderr.write(`--port must be an integer from 0 to 65535, got "${values.port}"\n`);
      return 2;
    }
    let mocks: RunningMocks;
    try {
      mocks = await startMocks({
        ...(port !== undefined ? { port } : {}),
        ...(values.api !== undefined ? { apis: values.api } : {}),
        dynamic: values.dynamic,
        ...(values.seed !== undefined ? { seed: values.seed } : {}),
      });
    } catch (error) {
      process.stderr.write(`npm run mock: the mocks could not be started:\n${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    printTable(mocks);
    return waitForSignal(mocks);
  },
};

// The first argument picks a command; without one, the mocks are served.
const commands: Readonly<Record<string, Command>> = { serve, webhook: webhookCommand };

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  const command = first !== undefined && !first.startsWith("-") ? commands[first] : undefined;
  if (first !== undefined && !first.startsWith("-") && command === undefined) {
    const list = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
    process.stderr.write(`unknown command "${first}"; commands:\n${list.join("\n")}\n`);
    return 2;
  }
  try {
    return await (command ?? serve).run(command === undefined ? argv : rest);
  } catch (error) {
    // parseArgs throws on unknown or malformed options.
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${(command ?? serve).usage}\n`);
    return 2;
  }
}

// Every child has been awaited by now; exit explicitly so no stray handle keeps us alive.
process.exit(await main(process.argv.slice(2)));
