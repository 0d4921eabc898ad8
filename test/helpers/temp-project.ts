import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
// @ts-expect-error plain JavaScript without declarations (the launcher's helper)
import { BUNDLED } from "../../generator/cache/version.mjs";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

// With the folders the launcher bundles, the copy builds, or shares, the same bundle.
const COPIED = [...(BUNDLED as string[]), "specs", "generated", "redocly.yaml", "package.json", "tsconfig.json"];

/** A throwaway copy of the project (sharing node_modules) for tests that edit specs or run the CLI. */
export function tempProject(): {
  dir: string;
  run: (script: string, ...args: string[]) => { status: number | null; stdout: string; stderr: string };
  /** Rewrites one of its files (a path relative to the copy) through `change`; returns the undo. */
  edit: (file: string, change: (text: string) => string) => () => void;
  remove: () => void;
} {
  const dir = mkdtempSync(path.join(tmpdir(), "payspec-"));
  for (const entry of COPIED) cpSync(path.join(REPO, entry), path.join(dir, entry), { recursive: true });
  symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"), "dir");
  return {
    dir,
    run: (script, ...args) => {
      // .mjs scripts (the generator's launcher) run on plain node, TypeScript through tsx.
      const command = script.endsWith(".mjs") ? [script] : [path.join(REPO, "node_modules/tsx/dist/cli.mjs"), script];
      const result = spawnSync(process.execPath, [...command, ...args], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    edit: (file, change) => {
      const full = path.join(dir, file);
      const before = readFileSync(full, "utf8");
      const after = change(before);
      // An edit that changes nothing would let a test pass without testing anything.
      if (after === before) throw new Error(`edit of ${file} changed nothing`);
      writeFileSync(full, after);
      return () => writeFileSync(full, before);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Every file below `dir` (relative path → content), to prove a folder did not change. */
export function snapshotDir(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(path.relative(dir, p), readFileSync(p, "utf8"));
    }
  };
  walk(dir);
  return files;
}
