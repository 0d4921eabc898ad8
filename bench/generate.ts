// Benchmark 1: `generate` on the project's specs vs openapi-typescript alone doing the same
// multi-spec job (`--redocly` over a config listing the same specs), as whole processes, both
// doing a full regeneration into an empty output folder, alternating A B A B …. With `floor`,
// a third process in the same rounds: bench/floor.mjs, the part of a run no change to our own
// code can remove (the toolchain's imports, Redocly's lint and bundle of the same specs).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse, stringify } from "yaml";
import { BIN, REPO } from "./lib/paths.js";
import { type Command, describeCommand, timeProcess } from "./lib/proc.js";
import { alternate, type AlternateOptions } from "./lib/stats.js";
import { measured, ratioRow, type Row } from "./lib/table.js";

export interface GenerateBenchOptions extends AlternateOptions {
  /** Only these apis of redocly.yaml (default: all). */
  readonly apis?: readonly string[];
  readonly log?: (line: string) => void;
  /** Also measure the no-change `--check` answer (a row). */
  readonly noChange?: boolean;
  /** Also measure the floor (bench/floor.mjs) in the same rounds (a row). */
  readonly floor?: boolean;
}

/** The apis listed in the repo's redocly.yaml: name → absolute spec path. */
export function projectApis(): Map<string, string> {
  const config = parse(readFileSync(path.join(REPO, "redocly.yaml"), "utf8")) as {
    apis?: Record<string, { root: string }>;
  };
  return new Map(Object.entries(config.apis ?? {}).map(([name, api]) => [name, path.resolve(REPO, api.root)]));
}

export async function benchGenerate(options: GenerateBenchOptions = {}): Promise<Row[]> {
  const all = projectApis();
  const names = options.apis ?? [...all.keys()];
  const work = mkdtempSync(path.join(tmpdir(), "payspec-bench-generate-"));
  try {
    // Ours: a copy of redocly.yaml (restricted to the chosen apis) and specs/, no generated/.
    const oursDir = path.join(work, "ours");
    mkdirSync(oursDir);
    cpSync(path.join(REPO, "specs"), path.join(oursDir, "specs"), { recursive: true });
    const config = parse(readFileSync(path.join(REPO, "redocly.yaml"), "utf8")) as { apis: Record<string, unknown> };
    config.apis = Object.fromEntries(Object.entries(config.apis).filter(([name]) => names.includes(name)));
    writeFileSync(path.join(oursDir, "redocly.yaml"), stringify(config));
    // --force: a full run every time, never the no-change cache's answer (measured separately below).
    const launcher = path.join(REPO, "generator/launch.mjs");
    const ours: Command = { argv: ["node", launcher, "--force"], cwd: oursDir };

    // openapi-typescript: its own redocly config (the repo's is ours), one output file per api.
    const peerDir = path.join(work, "openapi-typescript");
    mkdirSync(peerDir);
    const peerConfig = path.join(peerDir, "redocly.yaml");
    const apis = Object.fromEntries(
      names.map((name) => [
        name,
        {
          root: path.join(oursDir, path.relative(REPO, all.get(name) ?? name)),
          "x-openapi-ts": { output: `./out/${name}.ts` },
        },
      ]),
    );
    writeFileSync(peerConfig, stringify({ apis }));
    const peer: Command = { argv: ["node", BIN.openapiTypescript, "--redocly", peerConfig], cwd: peerDir };
    const floor: Command = {
      argv: ["node", path.join(REPO, "bench/floor.mjs"), path.join(oursDir, "redocly.yaml")],
      cwd: oursDir,
    };

    const results = await alternate(
      [
        {
          name: "ours",
          run: async () => {
            rmSync(path.join(oursDir, "generated"), { recursive: true, force: true });
            return timeProcess(ours);
          },
        },
        {
          name: "openapi-typescript",
          run: async () => {
            rmSync(path.join(peerDir, "out"), { recursive: true, force: true });
            return timeProcess(peer);
          },
        },
        ...(options.floor === true ? [{ name: "floor", run: () => timeProcess(floor) }] : []),
      ],
      {
        ...options,
        onRun: (name, round, value) =>
          options.log?.(
            `  generate ${name} #${round}: ${value instanceof Error ? value.message : `${Math.round(value)} ms`}`,
          ),
      },
    );
    const [a, b, f] = results;
    const full = ratioRow(
      {
        bench: "1",
        what: `generate ${names.join(" + ")} (full regeneration, empty output)`,
        unit: "ms",
        ours: measured("payspec", `rm -rf generated && ${describeCommand(ours, oursDir)}`, a),
        peer: measured(
          "openapi-typescript",
          `rm -rf out && ${describeCommand(peer, peerDir)}  # redocly.yaml: ${JSON.stringify({ apis })}`,
          b,
        ),
      },
      1.3,
    );
    const rows = [full];
    if (options.floor === true) {
      rows.push(
        ratioRow(
          {
            bench: "1",
            what: "floor under the full regeneration: the toolchain's imports + Redocly lint and bundle of the same specs, recommended-strict without the project's rules (no types, no emit)",
            unit: "ms",
            ours: measured("bench/floor.mjs", describeCommand(floor, oursDir), f),
            peer: measured("openapi-typescript", "as above", b),
          },
          undefined,
        ),
      );
    }
    if (options.noChange !== true) return rows;

    // The no-change answer: the last full run above recorded its inputs and output, so
    // `--check` without --force answers from the cache; the peer is a bare Node start (the floor).
    const unchanged: Command = { argv: ["node", launcher, "--check"], cwd: oursDir };
    const bare: Command = { argv: ["node", "-e", ""], cwd: oursDir };
    const [c, d] = await alternate(
      [
        { name: "no-change --check", run: () => timeProcess(unchanged) },
        { name: "node -e ''", run: () => timeProcess(bare) },
      ],
      {
        ...options,
        onRun: (name, round, value) =>
          options.log?.(`  ${name} #${round}: ${value instanceof Error ? value.message : `${Math.round(value)} ms`}`),
      },
    );
    const noChange = ratioRow(
      {
        bench: "1",
        what: `no-change \`generate --check\` on ${names.join(" + ")} (answered from the cache) vs bare Node start`,
        unit: "ms",
        ours: measured("payspec", describeCommand(unchanged, oursDir), c),
        peer: measured("node", describeCommand(bare, oursDir), d),
      },
      undefined,
    );
    const ms = noChange.ours.value;
    return [...rows, { ...noChange, target: "≤ 300 ms", ...(ms === undefined ? {} : { met: ms <= 300 }) }];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
