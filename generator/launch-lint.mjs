// `npm run lint`: the spec lint (cli/lint.ts) from the launcher's cached bundle.
import { launch } from "./launcher.mjs";

await launch("lint", process.argv.slice(2));
