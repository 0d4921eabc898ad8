import type { TestProject } from "vitest/node";
import { startMocks } from "../../mock/dev/start.js";
// The ProvidedContext key `payspecMocks`, as users of payspec/mock/vitest get it.
import "../../mock/vitest.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Api name (redocly.yaml `apis:`) → base URL of its mock. */
    mockUrls: Record<string, string>;
    /** Option (credential or webhook key) → the secret the mocks expect. */
    mockSecrets: Record<string, string>;
  }
}

/** Starts every mock of this checkout once per test run, on free ports, and stops them after the run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mocks = await startMocks({ port: 0 });
  project.provide("mockUrls", { ...mocks.urls });
  project.provide("mockSecrets", { ...mocks.secrets });
  project.provide("payspecMocks", mocks.info);
  return () => mocks.stop();
}
