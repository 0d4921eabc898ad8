// `npm run build` emits with `--noCheck` (package.json): the shipped files are checked once, by
// `npm run typecheck` in `npm test`. That is only sound while the typecheck covers every file
// the build emits, with the same checking options: this fails as soon as either stops holding.
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { expect, it } from "vitest";
import { REPO } from "../helpers/temp-project.js";

/** Options that only say what is emitted, where, or whether; every other one must be equal. */
const EMIT_ONLY = new Set(["noEmit", "rootDir", "outDir", "declaration", "noEmitOnError", "incremental", "newLine"]);
/** Bookkeeping TypeScript adds to every parsed config. */
const BOOKKEEPING = new Set(["configFilePath", "pathsBasePath"]);

function parsed(file: string): ts.ParsedCommandLine {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(REPO, file),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (config === undefined || config.errors.length > 0) throw new Error(`${file} does not parse`);
  return config;
}

const checking = (options: ts.CompilerOptions) =>
  Object.fromEntries(Object.entries(options).filter(([key]) => !EMIT_ONLY.has(key) && !BOOKKEEPING.has(key)));

it("the build emits unchecked only what npm run typecheck checks, with the same checking options", () => {
  const build = parsed("tsconfig.build.json");
  const typecheck = parsed("tsconfig.json");
  expect(build.fileNames.length).toBeGreaterThan(0);
  const checked = new Set(typecheck.fileNames);
  expect(build.fileNames.filter((file) => !checked.has(file))).toEqual([]);
  expect(checking(build.options)).toEqual(checking(typecheck.options));

  const scripts = (
    JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> }
  ).scripts;
  expect(scripts.build).toMatch(/^tsc -p tsconfig\.build\.json --noCheck /);
  expect(scripts.typecheck).toMatch(/^tsc -p tsconfig\.json --noEmit /);
  expect(scripts.test).toContain("npm run typecheck");
});
