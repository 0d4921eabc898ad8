// `npm run docs`: the reference pages (scripts/build-docs.ts), from the launcher's cached bundle.
import { launch } from "./launcher.mjs";

await launch("docs", process.argv.slice(2));
