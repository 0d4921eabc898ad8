// Development only (not shipped): the mocks of a payspec checkout (or of any folder with a
// redocly.yaml), for `npm run mock` and the repository's tests. Users get `payspec/mock`.
import { MockStartError, type RunningMocks, type StartMocksOptions, startMocks as startSpecs } from "../mocks.js";
import { projectSpecs } from "./project.js";

export { MockStartError, type RunningMocks };

export interface ProjectMocksOptions extends Omit<StartMocksOptions, "specs" | "providers"> {
  /** Project directory holding redocly.yaml; default process.cwd(). */
  readonly dir?: string;
  /** A subset of redocly.yaml `apis:`; default all. */
  readonly apis?: readonly string[];
}

/** Serves the apis of `dir`'s redocly.yaml (see mock/mocks.ts). */
export async function startMocks(options: ProjectMocksOptions = {}): Promise<RunningMocks> {
  const { dir, apis, ...rest } = options;
  return startSpecs({ ...rest, specs: await projectSpecs(dir), ...(apis !== undefined ? { providers: apis } : {}) });
}
