import type { KeyedOptions } from "../cache/no-change.js";
import { parseArgs } from "node:util";

export const HELP = `Usage: npm run generate -- [options]

Regenerates generated/ from every spec listed under apis: in redocly.yaml, or one spec
anywhere into a folder of its own.

Options:
  --check              write nothing; exit 1 listing stale files if the output differs
  --force              run in full even if no input changed since the last run (without it, an
                       unchanged spec, config, generator and output answer from
                       node_modules/.cache/payspec/)
  --api <name>         only this configured api (repeatable)
  --spec <file>        generate a client for this spec instead of the configured ones…
  --out <dir>          …into this folder (required with --spec; the folder gets the client,
                       its types and a runtime/ subfolder, and needs only openapi-fetch)
  --watch              regenerate whenever a spec (or a file it refers to) changes
  --allow-remote-refs  fetch $refs (and a redocly.yaml extends) that are http(s) URLs; without
                       it generation never reaches the network (x-payspec.allowRemoteRefs)
  --allow-other-files  let files the generator did not write stay in the output folder (they
                       are never overwritten or deleted); without it such a folder is refused
  --allow-outside-refs read $refs to files outside the project folder (redocly.yaml's, or the
                       --spec file's) (x-payspec.allowOutsideRefs)
  -h, --help           this text

Environment: DEBUG=payspec prints the time of each phase (load, types, model, emit, write),
whether the no-change cache answered, and which TypeScript compilers the run loaded.

Exit codes: 0 success (or fresh with --check); 1 invalid or unsupported spec or config
(nothing is written), or stale output with --check; 2 wrong command-line usage.`;

/** Every command-line option: those the no-change cache keys on, plus what only steers the run. */
export interface CliOptions extends KeyedOptions {
  readonly check: boolean;
  /** Run in full even if the no-change cache (cache/no-change.ts) could answer. */
  readonly force?: boolean;
}

export class UsageError extends Error {
  override name = "UsageError";
}

export function parseCli(argv: readonly string[]): CliOptions {
  let values: ReturnType<typeof parseOptions>["values"];
  try {
    ({ values } = parseOptions(argv));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return checkedOptions(values);
}

function parseOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      check: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      api: { type: "string", multiple: true },
      spec: { type: "string" },
      out: { type: "string" },
      watch: { type: "boolean", default: false },
      "allow-remote-refs": { type: "boolean", default: false },
      "allow-outside-refs": { type: "boolean", default: false },
      "allow-other-files": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
}

function checkedOptions(values: ReturnType<typeof parseOptions>["values"]): CliOptions {
  if ((values.spec === undefined) !== (values.out === undefined)) throw new UsageError("--spec and --out go together");
  if (values.spec !== undefined && values.api !== undefined)
    throw new UsageError("--api selects configured apis; it cannot be combined with --spec");
  return {
    check: values.check,
    force: values.force,
    apis: values.api ?? [],
    ...(values.spec === undefined ? {} : { spec: values.spec }),
    ...(values.out === undefined ? {} : { out: values.out }),
    watch: values.watch,
    help: values.help,
    allowRemoteRefs: values["allow-remote-refs"],
    allowOutsideRefs: values["allow-outside-refs"],
    allowOtherFiles: values["allow-other-files"],
  };
}
