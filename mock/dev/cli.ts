// `npm run mock`: the command line of `payspec-mock` over the specs of this checkout.
import { runCommandLine } from "../command-line.js";
import { devCommandLine } from "./command-line.js";

// Every child has been awaited by now; exit explicitly so no stray handle keeps us alive.
process.exit(await runCommandLine(process.argv.slice(2), devCommandLine));
