// Development only (not shipped): what `npm run mock` runs, apart from its process. cli.ts runs it
// and exits; tests run the same command line in-process with their own stdout and stderr.
import type { CommandLine } from "../command-line.js";
import { projectSpecs } from "./project.js";

/** The command line of `payspec-mock` over the specs of this checkout (of process.cwd()). */
export const devCommandLine: CommandLine = { program: "npm run mock --", specs: () => projectSpecs() };
