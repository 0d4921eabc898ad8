import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO } from "./temp-project.js";

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

/** Runs the repo's tsc over `include` (absolute globs) under strict settings; returns its output. */
export function strictTsc(
  include: readonly string[],
  resolution: keyof typeof RESOLUTIONS,
): { status: number | null; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "payspec-tsc-"));
  try {
    const config = path.join(dir, "tsconfig.json");
    writeFileSync(config, JSON.stringify({ compilerOptions: { ...STRICT, ...RESOLUTIONS[resolution] }, include }));
    const result = spawnSync(
      process.execPath,
      [path.join(REPO, "node_modules/typescript/bin/tsc"), "-p", config, "--pretty", "false"],
      { encoding: "utf8" },
    );
    return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
