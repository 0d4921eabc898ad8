// `npm run mock` (through the launcher, generator/launch-mock.mjs): the command line of
// `payspec-mock` over the specs of this checkout.
import { runCommandLine } from "../command-line.js";
import { devCommandLine } from "./command-line.js";

/** The command: its exit status. */
export function main(argv: readonly string[]): Promise<number> {
  return runCommandLine(argv, devCommandLine);
}
