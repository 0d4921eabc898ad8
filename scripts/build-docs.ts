// `npm run docs` (through the launcher, generator/launch-docs.mjs): one HTML reference page per
// api of redocly.yaml, rendered by the real Redocly CLI (`redocly build-docs`), into docs-html/
// (or `--out <dir>`).
//
// Every spec is first loaded as `npm run generate` loads it, and nothing is rendered unless all
// of them load: build-docs alone renders a spec whose $ref does not resolve (it drops that part
// with a warning and exits 0), and it would fetch a remote $ref, which the loader refuses.
import { spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadSpec, SpecError } from "../generator/load/load-spec.js";
import { loadProject, ProjectConfigError } from "../generator/load/project.js";

const USAGE = "usage: npm run docs [-- --out <dir>]   (default: docs-html/)";

const REDOCLY = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");

/**
 * No network at build time: telemetry off (it would otherwise probe and post to Redocly), and no
 * update check. The page then has Redoc's own telemetry off too.
 */
const QUIET = { REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" };

/** One page: `redocly build-docs <api>`, with Redoc's script inlined so the page works offline. */
function buildPage(dir: string, api: string, file: string): Promise<void> {
  const args = [
    REDOCLY,
    "build-docs",
    api,
    "--config",
    path.join(dir, "redocly.yaml"),
    "--inlineBundle",
    "--output",
    file,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: dir,
      env: { ...process.env, ...QUIET },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve();
      // The CLI's own message; its Node-version banner is noise here.
      else
        reject(
          new Error(`${api}: redocly build-docs exited with ${code}:\n${output.replace(/^\s*[╔║╚].*$/gm, "").trim()}`),
        );
    });
  });
}

/** Runs `task` on every item, at most `limit` at a time (each page is its own CLI process). */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker));
}

/** The command: its exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  let out: string;
  try {
    out = parseArgs({ args: [...argv], options: { out: { type: "string" } }, strict: true }).values.out ?? "docs-html";
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const dir = process.cwd();
  const outDir = path.resolve(dir, out);
  let apis: readonly string[];
  try {
    const project = await loadProject(dir);
    const loaded = await Promise.allSettled(project.apis.map((api) => loadSpec(api, project.config, dir)));
    const broken = loaded.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    const unexpected = broken.find((e) => !(e instanceof SpecError));
    if (unexpected !== undefined) throw unexpected;
    if (broken.length > 0) {
      console.error(
        `${broken.map((e) => (e as SpecError).message).join("\n")}\nno page was written; fix the spec(s) above`,
      );
      return 1;
    }
    apis = project.apis.map((api) => api.name);
  } catch (error) {
    if (!(error instanceof ProjectConfigError)) throw error;
    console.error(error.message);
    return 1;
  }
  await mkdir(outDir, { recursive: true });
  const relative = path.relative(dir, outDir);
  const shown = relative.startsWith("..") || path.isAbsolute(relative) ? outDir : relative || ".";
  const failures: string[] = [];
  await eachLimited(apis, availableParallelism(), async (api) => {
    try {
      await buildPage(dir, api, path.join(outDir, `${api}.html`));
      console.log(`${api}: ${shown}/${api}.html`);
    } catch (error) {
      failures.push((error as Error).message);
    }
  });
  for (const failure of failures) console.error(failure);
  return failures.length > 0 ? 1 : 0;
}
