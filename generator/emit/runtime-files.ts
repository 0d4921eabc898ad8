import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generatedHeader } from "./header.js";

/** generator/runtime, found from this module whether it runs from source or bundled elsewhere. */
function runtimeDir(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    for (const candidate of [path.join(dir, "runtime"), path.join(dir, "generator", "runtime")]) {
      if (existsSync(path.join(candidate, "signing.ts"))) return candidate;
    }
    if (path.dirname(dir) === dir) throw new Error("generator/runtime not found above the generator's module");
  }
}

const RUNTIME_DIR = runtimeDir();

/**
 * The hand-written runtime, copied beside the clients so generated/ is self-contained (it needs
 * only openapi-fetch). Keyed by file name.
 */
export async function runtimeFiles(): Promise<Map<string, string>> {
  const names = (await readdir(RUNTIME_DIR)).filter((n) => n.endsWith(".ts") && !n.endsWith(".test.ts")).sort();
  const files = new Map<string, string>();
  for (const name of names) {
    const text = await readFile(path.join(RUNTIME_DIR, name), "utf8");
    const sha = createHash("sha256").update(text).digest("hex");
    files.set(name, generatedHeader(`generator/runtime/${name}`, sha) + text);
  }
  return files;
}
