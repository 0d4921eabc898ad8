// `npm run mock`: payspec-mock's command line over this checkout's specs (mock/dev/cli.ts), from
// the launcher's cached bundle.
import { launch } from "./launcher.mjs";

await launch("mock", process.argv.slice(2));
// Every child has been awaited by now; exit explicitly so no stray handle keeps us alive.
process.exit();
