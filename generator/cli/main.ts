import { type CliOptions, HELP, parseCli, UsageError } from "./args.js";
import { runOnce } from "./run.js";
import { watch } from "./watch.js";

/** `npm run generate`: see HELP in cli/args.ts for options and exit codes. */
async function main(argv: string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${HELP}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  if (options.watch) return watch(options, process.cwd());
  return (await runOnce(options, process.cwd())).code;
}

process.exitCode = await main(process.argv.slice(2));
