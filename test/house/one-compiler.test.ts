// The launcher's bundle sends every `typescript` import (openapi-typescript's, the generator's) to
// the compiler ts-morph ships (generator/bundle.mjs), so one compiler loads per run. That is only
// correct while both copies are the same version: this fails as soon as they diverge.
import { createRequire } from "node:module";
import { expect, it } from "vitest";

const require = createRequire(import.meta.url);

it("openapi-typescript's `typescript` and the compiler bundled in ts-morph are the same version", () => {
  const standalone = (require("typescript/package.json") as { version: string }).version;
  const inTsMorph = (require("@ts-morph/common/dist/typescript.js") as { version: string }).version;
  expect(inTsMorph).toBe(standalone);
  // And the copy openapi-typescript resolves is that same package.
  const fromOpenapiTypescript = createRequire(require.resolve("openapi-typescript")).resolve("typescript/package.json");
  expect(fromOpenapiTypescript).toBe(require.resolve("typescript/package.json"));
});
