import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { payspecPlugin } from "../../generator/lint/plugin.js";
import { REPO } from "../helpers/temp-project.js";

/**
 * The real Redocly CLI (what `npx redocly lint` and Redocly's editor extension run) reads the
 * project's rules from redocly.yaml's `plugins:` entry: a broken fixture of every custom rule
 * fails under it, with that rule's problem, and the project's specs pass.
 */
const FIXTURES = path.join(REPO, "test/lint/fixtures");
const CLI = path.join(REPO, "node_modules/@redocly/cli/bin/cli.js");
const ENV = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" };

interface Report {
  readonly problems: readonly {
    readonly ruleId: string;
    readonly location: readonly { readonly source: { readonly ref: string } }[];
  }[];
}

/** `redocly lint --format=json` prints one JSON object per file, back to back. */
function reports(stdout: string): Report[] {
  return stdout
    .split(/(?<=\n\})(?=\{)/)
    .filter((part) => part.trim() !== "")
    .map((part) => JSON.parse(part) as Report);
}

it("fails on a broken fixture of each of the project's rules, with that rule's problem", () => {
  const rules = Object.keys(payspecPlugin.rules?.oas3 ?? {});
  expect(rules.length).toBeGreaterThan(10);
  // One failing fixture per rule: its folder under test/lint/fixtures drops the payspec/ prefix.
  const broken = rules.map((rule) => {
    const folder = path.join(FIXTURES, rule.replace(/^payspec\//, ""));
    const fixture = readdirSync(folder)
      .filter((f) => f.startsWith("fail-"))
      .sort()[0];
    expect(fixture, `${rule} has a failing fixture`).toBeDefined();
    return { rule, file: path.relative(REPO, path.join(folder, fixture!)) };
  });
  const result = spawnSync(process.execPath, [CLI, "lint", ...broken.map((b) => b.file), "--format=json"], {
    cwd: REPO,
    encoding: "utf8",
    env: ENV,
  });
  expect(result.status, result.stderr).toBe(1);
  const found = reports(result.stdout).flatMap((r) =>
    r.problems.map((p) => ({ rule: p.ruleId, file: p.location[0]?.source.ref })),
  );
  for (const { rule, file } of broken) expect(found, `${rule} fired on ${file}`).toContainEqual({ rule, file });
}, 120_000);

it("passes the project's specs, as `npm run lint` does", () => {
  const result = spawnSync(process.execPath, [CLI, "lint"], { cwd: REPO, encoding: "utf8", env: ENV });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
}, 120_000);
