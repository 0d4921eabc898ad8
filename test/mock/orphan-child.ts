// Run by orphans.test.ts as a process of its own: starts a mock, prints its Prism pids, and
// waits to be killed without any chance to clean up.
import { startMocks } from "../../mock/mocks.js";
import { fixtureSpecs } from "./fixture-specs.js";

const mocks = await startMocks({ specs: await fixtureSpecs("signed-raw-bytes"), port: 0 });
process.stdout.write(`${JSON.stringify(mocks.pids)}\n`);
setInterval(() => undefined, 60_000);
