// Part of `npm run build`: the bundled specs for dist/openapi (mock/dev/bundle-specs.ts), from
// the launcher's cached bundle.
import { launch } from "./launcher.mjs";

await launch("bundle-specs", process.argv.slice(2));
