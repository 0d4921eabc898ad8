import { type FSWatcher, watch as watchDir } from "node:fs";
import path from "node:path";
import type { CliOptions } from "./args.js";
import { runOnce } from "./run.js";

const DEBOUNCE_MS = 150;
const SPEC_FILE = /\.(ya?ml|json)$/i;

/**
 * `--watch`: one run now, then another after spec files settle (debounced). A broken save
 * prints the error and writes nothing; watching goes on until SIGINT/SIGTERM. Watches the
 * folders of every file the specs were bundled from (so a split spec's files count, and refs
 * to sibling files) and of redocly.yaml.
 */
export async function watch(options: CliOptions, cwd: string): Promise<number> {
  const first = await runOnce(options, cwd);
  const folders = new Set([cwd, ...first.sources.map((s) => path.dirname(s))]);
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const changed = new Set<string>();

  const schedule = (file: string) => {
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...changed].map((f) => path.relative(cwd, f)).sort();
      changed.clear();
      running = running.then(async () => {
        console.log(`\nchanged: ${files.join(", ")}`);
        await runOnce(options, cwd);
        console.log("watching for changes (Ctrl-C to stop)");
      });
    }, DEBOUNCE_MS);
  };

  for (const folder of folders) {
    watchers.push(
      watchDir(folder, (_event, name) => {
        if (name !== null && SPEC_FILE.test(name)) schedule(path.join(folder, name));
      }),
    );
  }
  console.log("watching for changes (Ctrl-C to stop)");
  return new Promise((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      void running.then(() => resolve(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
