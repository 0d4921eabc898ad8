// The generator's CLI run from its TypeScript sources (`tsx generator/cli/bin.ts`), without the
// launcher's bundle and no-change cache: for the profile benchmark's launch comparison.
import { main } from "./main.js";

process.exitCode = await main(process.argv.slice(2));
