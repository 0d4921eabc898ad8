// `npm run generate`: the generator's CLI (cli/main.ts) from the launcher's cached bundle.
import { launch } from "./launcher.mjs";

await launch("main", process.argv.slice(2));
