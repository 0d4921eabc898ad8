// `payspec/mock/vitest`: a ready vitest globalSetup. In a setup file:
//   export default mockSetup({ providers: ["cryptomus"] });
// and in tests: connectMocks(inject("payspecMocks")).
// Types only: brings "vitest" into the program for the augmentation below.
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import type { MockInfo } from "./connect.js";
import { type StartMocksOptions, startMocks } from "./mocks.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** URLs and test secrets of the mocks started by payspec's mockSetup. */
    payspecMocks: MockInfo;
  }
}

/**
 * A vitest globalSetup function: starts the mocks once per run (on free ports unless `port` is
 * given), provides their MockInfo as `payspecMocks`, and stops every Prism on teardown. A run
 * that dies before teardown leaves none either: each Prism exits with its parent.
 */
export function mockSetup(options: StartMocksOptions = {}): (project: TestProject) => Promise<() => Promise<void>> {
  return async (project) => {
    const mocks = await startMocks({ port: 0, ...options });
    project.provide("payspecMocks", mocks.info);
    return () => mocks.stop();
  };
}
