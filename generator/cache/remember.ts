import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseYaml } from "@redocly/openapi-core";
import { isRecord } from "../runtime/records.js";
import { hashFiles, type OutputPlace, outputState } from "./fingerprint.js";
import { type CacheContext, recordFile, writeRecord } from "./store.js";

/** Files beside redocly.yaml that Redocly may read besides it (an ignore file changes lint results). */
const PROJECT_CONFIG_FILES = ["redocly.yaml", ".redocly.lint-ignore.yaml"];

/** What a successful run read (absolute paths) and where it wrote. */
export interface RunFacts {
  readonly sources: readonly string[];
  /** The folder of redocly.yaml, for a run over the configured apis. */
  readonly projectDir?: string;
  readonly output: OutputPlace;
  /** Date.now() when the run started. */
  readonly startedAt: number;
}

/** Whether redocly.yaml extends a file (not a built-in ruleset): that file's content is not tracked. */
function extendsAFile(configText: string): boolean {
  let config: unknown;
  try {
    config = parseYaml(configText);
  } catch {
    return true;
  }
  if (!isRecord(config)) return false;
  const apis = isRecord(config.apis) ? Object.values(config.apis) : [];
  const lists = [config.extends, ...apis.map((api) => (isRecord(api) ? api.extends : undefined))];
  return lists.some(
    (list) => Array.isArray(list) && list.some((e) => typeof e !== "string" || /[/\\]|\.(ya?ml|json)$/i.test(e)),
  );
}

/**
 * Records a successful run for the next one's no-change answer. Nothing is recorded (the next
 * run is a full one) when an input cannot be hashed here (a URL, a file redocly.yaml extends) or
 * was modified after the run began (its output may not match the file's content now).
 */
export async function rememberRun(cache: CacheContext, key: string, facts: RunFacts): Promise<void> {
  if (facts.sources.some((source) => !path.isAbsolute(source))) return;
  const config = facts.projectDir === undefined ? [] : PROJECT_CONFIG_FILES.map((f) => path.join(facts.projectDir!, f));
  const files = [...facts.sources, ...config];
  const modified = await Promise.all(
    files.map((file) =>
      stat(file).then(
        (s) => s.mtimeMs >= facts.startedAt,
        () => false,
      ),
    ),
  );
  if (modified.some(Boolean)) return;
  if (config[0] !== undefined && extendsAFile(await readFile(config[0], "utf8").catch(() => ""))) return;
  const [inputs, output] = await Promise.all([hashFiles(files), outputState(facts.output)]);
  if (output === undefined) return;
  await writeRecord(recordFile(cache, key), { version: cache.version, inputs, output });
}
