// The consumer test's development tools (the TypeScript compiler, @types/node, Prism, vitest) as
// npm installs them into a project of their own, kept under node_modules/.cache/ once per set of
// pinned versions. npm extracting their 230 packages (150 MB) costs about 17 s of CPU on every
// run; hard-linking the kept install into a new consumer costs 0.4 s. Only the tools are
// reused: the package under test is installed by npm into that copy on every run, so npm still
// resolves its dependencies and checks its peer ranges against the tools beside it.
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { REPO } from "./temp-project.js";

const KEPT = path.join(REPO, "node_modules", ".cache", "payspec-consumer-tools");

/** Files npm rewrites in place, so a consumer gets its own copy instead of a link to the kept one. */
const REWRITTEN = new Set(["package.json", "package-lock.json", path.join("node_modules", ".package-lock.json")]);

/**
 * Fills the empty folder `dir` with a project called `name` whose devDependencies, `tools`
 * (`<package>@<version>` each), are installed. `npm(args, cwd)` runs npm and throws on failure.
 */
export async function withTools(
  dir: string,
  name: string,
  tools: readonly string[],
  npm: (args: readonly string[], cwd: string) => Promise<unknown>,
): Promise<void> {
  const key = createHash("sha256")
    .update(JSON.stringify([name, [...tools].sort(), process.platform, process.arch]))
    .digest("hex")
    .slice(0, 16);
  const kept = path.join(KEPT, key);
  if (!existsSync(kept)) {
    // Installed beside, then renamed into place whole: an interrupted install is never reused.
    const building = `${kept}.${process.pid}.tmp`;
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building, { recursive: true });
    writeFileSync(path.join(building, "package.json"), `${JSON.stringify({ name, private: true, type: "module" })}\n`);
    try {
      await npm(["install", "--save-dev", ...tools], building);
      // Other versions' installs go: only the pinned tools are ever used.
      for (const old of readdirSync(KEPT))
        if (!old.startsWith(key)) rmSync(path.join(KEPT, old), { recursive: true, force: true });
      try {
        renameSync(building, kept);
      } catch (error) {
        // A parallel run kept the same install first: use that one.
        if (!existsSync(kept)) throw error;
      }
    } finally {
      rmSync(building, { recursive: true, force: true });
    }
  }
  linkTree(kept, dir, "");
}

/** Mirrors `from/relative` into `to/relative`: folders made, symlinks recreated, files hard-linked. */
function linkTree(from: string, to: string, relative: string): void {
  for (const entry of readdirSync(path.join(from, relative), { withFileTypes: true })) {
    const name = path.join(relative, entry.name);
    const source = path.join(from, name);
    const target = path.join(to, name);
    if (entry.isDirectory()) {
      mkdirSync(target);
      linkTree(from, to, name);
    } else if (entry.isSymbolicLink()) {
      symlinkSync(readlinkSync(source), target);
    } else if (REWRITTEN.has(name)) {
      copyFileSync(source, target);
    } else {
      try {
        linkSync(source, target);
      } catch {
        // Another file system (or one without hard links): a copy does the same, slower.
        copyFileSync(source, target);
      }
    }
  }
}
