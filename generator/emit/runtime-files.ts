import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generatedHeader } from "./header.js";

const RUNTIME_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "runtime");

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
