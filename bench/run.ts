// `npm run bench`: runs the benchmarks under bench/ and prints one Markdown report (machine,
// table of ratios with the exact commands, bundle attribution, generate profile). Progress goes
// to stderr. Options:
//   --only generate,spec,large,overhead,bundle,profile,test   (default: all, in that order)
//   --runs N --warmup N      counted runs / warm-up runs per peer for 1 and 2 (default 5 / 1)
//   --calls N --rounds N     benchmark 3 (default 10000 calls in 10 rounds)
//   --spec FILE              benchmark 2's spec (default ../shared/corpus/openai-3.1.yaml)
//   --out FILE               also write the report to FILE
//   --json FILE              also write the raw results as JSON
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { benchBundle, type BundleResult, ESBUILD_COMMAND } from "./bundle.js";
import { benchGenerate } from "./generate.js";
import { renderTable, type Row } from "./lib/table.js";
import { renderCpuLedger } from "./lib/cpu-ledger.js";
import { benchNpmTest, type NpmTestResult } from "./npm-test.js";
import { benchSpec } from "./openai.js";
import { benchOverhead } from "./overhead.js";
import { LARGE_SPECS, largeSpecFile, OPENAI_SPEC, shown } from "./lib/paths.js";
import { profileGenerate, type ProfileResult, renderProfile } from "./profile.js";

const ALL = ["generate", "spec", "large", "overhead", "bundle", "profile", "test"] as const;
type Bench = (typeof ALL)[number];

export function machine(): string {
  const date = (() => {
    try {
      return execFileSync("date", { encoding: "utf8" }).trim();
    } catch {
      return new Date().toString();
    }
  })();
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
  return `${date}; ${os.availableParallelism()} cores (nproc), ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; load average at start ${load}`;
}

export function renderBundleDetails(result: BundleResult): string {
  const lines = [
    `Bundles (${ESBUILD_COMMAND}): openapi-fetch alone ${result.baseline.gzip} B gzip (${result.baseline.minified} B minified).`,
    "",
    "| provider | gzip | with validateResponses | without request validators | runtime floor of the call | minified | largest modules (minified bytes in the bundle) |",
    "|---|---:|---:|---:|---:|---:|---|",
  ];
  for (const f of result.figures) {
    const top = f.modules
      .slice(0, 6)
      .map((m) => `${m.module.replace(/^generated\//, "")} ${m.bytes}`)
      .join(", ");
    lines.push(
      `| ${f.api} | ${f.gzip} | ${f.withResponseValidators} | ${f.withoutValidators} | ${f.runtimeFloor} | ${f.minified} | ${top} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      runs: { type: "string" },
      warmup: { type: "string" },
      calls: { type: "string" },
      rounds: { type: "string" },
      spec: { type: "string" },
      out: { type: "string" },
      json: { type: "string" },
    },
  });
  const selected = new Set<Bench>(
    values.only === undefined ? ALL : (values.only.split(",").map((s) => s.trim()) as Bench[]),
  );
  for (const b of selected)
    if (!ALL.includes(b)) throw new Error(`--only: unknown benchmark ${b}; known: ${ALL.join(", ")}`);
  const num = (v: string | undefined, d: number) => (v === undefined ? d : Number(v));
  const runs = num(values.runs, 5);
  const warmup = num(values.warmup, 1);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const header = machine();
  log(`payspec benchmarks — ${header}`);

  const rows: Row[] = [];
  let bundle: BundleResult | undefined;
  const profiles: ProfileResult[] = [];
  let npmTest: NpmTestResult | undefined;
  if (selected.has("generate")) {
    log("1. generate (three specs) vs openapi-typescript --redocly …");
    rows.push(...(await benchGenerate({ runs, warmup, log, noChange: true, floor: true })));
  }
  if (selected.has("spec")) {
    log(`2. ${shown(values.spec ?? OPENAI_SPEC)}: generation vs openapi-typescript and hey-api, then tsc …`);
    rows.push(...(await benchSpec({ runs, warmup, log, ...(values.spec === undefined ? {} : { spec: values.spec }) })));
  }
  if (selected.has("large")) {
    for (const large of LARGE_SPECS) {
      const spec = largeSpecFile(large);
      log(`2. ${shown(spec)} (${large.label}): generation vs openapi-typescript …`);
      const note = "gzipped" in large ? `${large.label}; unpacked from ${shown(large.gzipped)}` : large.label;
      rows.push(...(await benchSpec({ runs, warmup, log, spec, bench: "2", full: false, note })));
    }
  }
  if (selected.has("overhead")) {
    log("3. per-call overhead on 127.0.0.1 …");
    rows.push(...(await benchOverhead({ calls: num(values.calls, 10_000), rounds: num(values.rounds, 10), log })));
  }
  if (selected.has("bundle")) {
    log("4. bundle sizes …");
    bundle = await benchBundle();
    rows.push(...bundle.rows);
  }
  if (selected.has("profile")) {
    log("profile: generate on the project's specs, then on the large spec …");
    profiles.push(await profileGenerate({ log }));
    profiles.push(await profileGenerate({ spec: values.spec ?? OPENAI_SPEC, log }));
  }
  if (selected.has("test")) {
    log("5. npm test (once) …");
    npmTest = await benchNpmTest();
    rows.push(...npmTest.rows);
  }

  const report = [
    `# payspec benchmarks`,
    "",
    `Machine: ${header}.`,
    `Ratios are ours / peer (lower is better); each pair or trio alternated A B A B … in one run, ${runs} counted runs after ${warmup} warm-up, medians.`,
    "",
    renderTable(rows),
    ...(bundle === undefined ? [] : [renderBundleDetails(bundle)]),
    ...profiles.map(renderProfile),
    ...(npmTest === undefined ? [] : [renderCpuLedger("npm test's CPU time by kind of process", npmTest.cpu)]),
  ].join("\n");
  process.stdout.write(report);
  if (values.out !== undefined) writeFileSync(values.out, report);
  if (values.json !== undefined)
    writeFileSync(values.json, `${JSON.stringify({ machine: header, rows, bundle, profiles, npmTest }, null, 2)}\n`);
}

// Only as the entry point: the smoke test imports this module for its helpers.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href)
  await main();
