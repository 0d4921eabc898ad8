#!/usr/bin/env node
// `npx payspec-mock`: the mock servers and the webhook sender, serving the specs shipped in the package.
import { runCommandLine } from "./command-line.js";
import { shippedSpecs } from "./specs.js";

// Every child has been awaited by now; exit explicitly so no stray handle keeps us alive.
process.exit(await runCommandLine(process.argv.slice(2), { program: "payspec-mock", specs: () => shippedSpecs() }));
