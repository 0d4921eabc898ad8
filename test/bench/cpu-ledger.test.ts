// The kinds a command's CPU time is summed by (bench/lib/cpu-ledger.ts): given a process's
// command line as Node reports it (process.argv and process.execArgv, taken from a real
// `npm test`), want its kind.
import { describe, expect, it } from "vitest";
import { kindOf } from "../../bench/lib/cpu-ledger.js";

const node = "/usr/bin/node";
const repo = "/work/main";
const cases: readonly (readonly [argv: string[], execArgv: string[], kind: string])[] = [
  [
    [node, `${repo}/node_modules/vitest/dist/workers/forks.js`],
    ["--require", `${repo}/node_modules/vitest/suppress-warnings.cjs`, "--conditions", "node"],
    "vitest workers (the tests that run in process)",
  ],
  [[node, `${repo}/node_modules/.bin/vitest`, "run"], [], "vitest main process (scheduling, transforms, reporting)"],
  [
    [node, "/tmp/payspec-consumer-x/consumer/node_modules/vitest/vitest.mjs", "run"],
    [],
    "vitest main process (scheduling, transforms, reporting)",
  ],
  [
    [node, `${repo}/node_modules/@stoplight/prism-cli/dist/index.js`, "mock", "specs/cryptomus.yaml"],
    ["--import", "data:text/javascript,…"],
    "Prism mocks",
  ],
  [[node, `${repo}/node_modules/typescript/bin/tsc`, "-p", "tsconfig.build.json"], [], "tsc"],
  [[node, `${repo}/node_modules/.bin/tsc`, "-p", "tsconfig.build.json"], [], "tsc"],
  [[node, "/usr/lib/node_modules/npm/bin/npm-cli.js", "install", "payspec-0.1.0.tgz"], [], "npm (pack, install, run)"],
  [[node, "/usr/bin/npm", "run", "lint"], [], "npm (pack, install, run)"],
  [[node, "/usr/bin/npx", "vitest", "run"], [], "npm (pack, install, run)"],
  [
    [node, `${repo}/generator/launch.mjs`, "--check"],
    [],
    "the launcher (generate, --check, --watch, lint, mock, docs, the build's spec bundling)",
  ],
  [
    [node, `${repo}/generator/launch-lint.mjs`],
    [],
    "the launcher (generate, --check, --watch, lint, mock, docs, the build's spec bundling)",
  ],
  [[node, `${repo}/node_modules/@redocly/cli/bin/cli.js`, "build-docs"], [], "Redocly CLI (lint, build-docs)"],
  [
    [node, `${repo}/node_modules/openapi-typescript/bin/cli.js`, "spec.yaml"],
    [],
    "peers of the benchmarks (openapi-typescript, hey-api)",
  ],
  [
    [node, `${repo}/generator/launch-bundle-specs.mjs`, "dist/openapi"],
    [],
    "the launcher (generate, --check, --watch, lint, mock, docs, the build's spec bundling)",
  ],
  [
    [node, `${repo}/bench/profile-generate.ts`, "--spec", "petstore.yaml"],
    [
      "--require",
      `${repo}/node_modules/tsx/dist/preflight.cjs`,
      "--import",
      `file://${repo}/node_modules/tsx/dist/loader.mjs`,
    ],
    "scripts run by tsx (the benchmark profile, test helpers)",
  ],
  [
    [node, `${repo}/test/mock/orphan-child.ts`],
    ["--import", "tsx"],
    "scripts run by tsx (the benchmark profile, test helpers)",
  ],
  [[node, "-e", ""], [], "other Node processes"],
];

describe("kindOf", () => {
  it.each(cases)("%j %j → %s", (argv, execArgv, kind) => {
    expect(kindOf({ argv, execArgv })).toBe(kind);
  });
});
