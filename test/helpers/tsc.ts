import path from "node:path";
import { REPO } from "./temp-project.js";

// Compiler settings only: bench/ spawns real tsc with them, so this module loads no compiler (the
// tests check in-process, test/helpers/tsc-in-process.ts).

/** The strictest settings users have; `moduleResolution` varies per call. */
export const STRICT = {
  target: "ES2022",
  lib: ["ES2022"], // no DOM: the clients must run on Node's own globals
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  noPropertyAccessFromIndexSignature: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  // Declaration files of dependencies (@types/node) are not what these checks are about, and
  // checking them is most of tsc's time; every generated .ts file is still checked in full.
  skipLibCheck: true,
  types: ["node"],
  typeRoots: [path.join(REPO, "node_modules/@types")],
  noEmit: true,
};

export const RESOLUTIONS = {
  NodeNext: { module: "NodeNext", moduleResolution: "NodeNext" },
  Bundler: { module: "ESNext", moduleResolution: "Bundler" },
} as const;
