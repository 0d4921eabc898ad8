// Benchmark 2: on one large public spec (default the corpus' openai-3.1.yaml, 162 operations):
//  a. whole-process generation: ours (`generate --spec --out`, the full client) vs
//     openapi-typescript alone vs @hey-api/openapi-ts (its fetch client), alternating A B C …;
//  b. strict `tsc --noEmit` over a file with one call per operation: our client vs
//     openapi-fetch over openapi-typescript's types (see lib/calls.ts), alternating A B ….
// Benchmark "large" runs only a. against openapi-typescript, on each of LARGE_SPECS.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseDocument } from "yaml";
import { SpecReader, writeOpenapiFetchCalls, writeOurCalls, writeStrictTsconfig } from "./lib/calls.js";
import { BIN, OPENAI_SPEC, REPO, shown } from "./lib/paths.js";
import { type Command, describeCommand, timeProcess } from "./lib/proc.js";
import { alternate, type AlternateOptions } from "./lib/stats.js";
import { measured, ratioRow, type Row } from "./lib/table.js";

export interface SpecBenchOptions extends AlternateOptions {
  /** The spec (default openai-3.1.yaml from the shared corpus). */
  readonly spec?: string;
  readonly log?: (line: string) => void;
  /** Benchmark number shown in the table (default "2"). */
  readonly bench?: string;
  /** Also compare with hey-api, and type-check one call per operation (default true). */
  readonly full?: boolean;
  /** Said of the spec in the generation row (for example where a shipped copy comes from). */
  readonly note?: string;
}

/** A copy of the spec without `webhooks:` (for when our generator refuses them; labelled in the table). */
function withoutWebhooks(spec: string, dir: string): string | undefined {
  const doc = parseDocument(readFileSync(spec, "utf8"));
  if (!doc.has("webhooks")) return undefined;
  doc.delete("webhooks");
  const file = path.join(dir, `${path.basename(spec).replace(/\.ya?ml$/i, "")}.no-webhooks.yaml`);
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  return file;
}

export async function benchSpec(options: SpecBenchOptions = {}): Promise<Row[]> {
  const original = options.spec ?? OPENAI_SPEC;
  const name = path.basename(original);
  const work = mkdtempSync(path.join(tmpdir(), "payspec-bench-spec-"));
  const log = options.log ?? (() => {});
  const bench = options.bench ?? "2";
  const full = options.full ?? true;
  const rows: Row[] = [];
  try {
    const oursOut = path.join(work, "ours");
    const oursFor = (spec: string): Command => ({
      argv: ["node", path.join(REPO, "generator/launch.mjs"), "--force", "--spec", spec, "--out", oursOut],
      cwd: REPO,
    });

    const oatDir = path.join(work, "openapi-typescript");
    mkdirSync(oatDir);
    const heyOut = path.join(work, "hey-api");
    const commands = (spec: string) => ({
      ours: oursFor(spec),
      oat: {
        argv: ["node", BIN.openapiTypescript, spec, "-o", path.join(oatDir, "schema.ts")],
        cwd: oatDir,
      } satisfies Command,
      hey: {
        argv: ["node", BIN.heyApi, "-i", spec, "-o", heyOut, "-c", "@hey-api/client-fetch", "--no-log-file"],
        cwd: work,
      } satisfies Command,
    });
    const generation = (spec: string) => {
      const c = commands(spec);
      return alternate(
        [
          {
            name: "ours",
            run: () => {
              rmSync(oursOut, { recursive: true, force: true });
              return timeProcess(c.ours);
            },
          },
          {
            name: "openapi-typescript",
            run: () => {
              rmSync(path.join(oatDir, "schema.ts"), { force: true });
              return timeProcess(c.oat);
            },
          },
          ...(full
            ? [
                {
                  name: "hey-api",
                  run: () => {
                    rmSync(heyOut, { recursive: true, force: true });
                    return timeProcess(c.hey);
                  },
                },
              ]
            : []),
        ],
        {
          ...options,
          stopWhenFails: ["ours"],
          onRun: (peer, round, value) =>
            log(
              `  generate ${name} ${peer} #${round}: ${value instanceof Error ? value.message : `${Math.round(value)} ms`}`,
            ),
        },
      );
    };

    let spec = original;
    let variant = "";
    let gen = await generation(spec);
    // Our generator refused the spec as published: say so, and compare all three on a copy
    // without webhooks (what it refuses today) so the other figures still exist.
    const refused = gen[0]?.error;
    if (refused !== undefined) {
      rows.push({
        bench,
        what: `generate ${name} as published`,
        unit: "ms",
        ours: { label: "payspec", command: describeCommand(oursFor(spec)), error: refused },
      });
      const stripped = withoutWebhooks(spec, work);
      if (stripped === undefined) return rows;
      log(`  ${name}: our generator failed; comparing on ${path.basename(stripped)}`);
      spec = stripped;
      variant = " without webhooks:";
      gen = await generation(spec);
    }
    const { ours, oat, hey } = commands(spec);
    const [g0, g1, g2] = gen;
    const specShown = `${name}${variant}`;
    const oursMeasure = measured("payspec", `rm -rf ${shown(oursOut)} && ${describeCommand(ours)}`, g0);
    rows.push(
      ratioRow(
        {
          bench,
          what: `generate ${specShown} vs openapi-typescript`,
          unit: "ms",
          ours: oursMeasure,
          peer: measured("openapi-typescript", describeCommand(oat, oatDir), g1),
          ...(options.note === undefined ? {} : { note: options.note }),
        },
        1.5,
      ),
    );
    if (!full) return rows;
    rows.push(
      ratioRow(
        {
          bench,
          what: `generate ${specShown} vs hey-api`,
          unit: "ms",
          ours: oursMeasure,
          peer: measured("@hey-api/openapi-ts (fetch client)", `rm -rf ${heyOut} && ${describeCommand(hey, work)}`, g2),
        },
        1.0,
      ),
    );

    // Type-check: one call per operation on each side, same strict tsconfig.
    if (g0?.median === undefined || g1?.median === undefined) return rows;
    const reader = new SpecReader(spec);
    const ourCalls = writeOurCalls(reader, oursOut);
    const oatCalls = writeOpenapiFetchCalls(reader, oatDir);
    const tsconfigs = [writeStrictTsconfig(oursOut, REPO), writeStrictTsconfig(oatDir, REPO)];
    for (const dir of [oursOut, oatDir])
      if (!existsSync(path.join(dir, "node_modules")))
        symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"), "dir");
    const [tscOurs, tscOat] = tsconfigs.map(
      (config): Command => ({
        argv: ["node", BIN.tsc, "-p", config!, "--pretty", "false"],
        cwd: path.dirname(config!),
      }),
    );
    const tsc = await alternate(
      [
        { name: "ours", run: () => timeProcess(tscOurs!) },
        { name: "openapi-fetch", run: () => timeProcess(tscOat!) },
      ],
      {
        ...options,
        onRun: (peer, round, value) =>
          log(`  tsc ${name} ${peer} #${round}: ${value instanceof Error ? value.message : `${Math.round(value)} ms`}`),
      },
    );
    rows.push(
      ratioRow(
        {
          bench,
          what: `strict tsc --noEmit, ${specShown} one call per operation (${ourCalls} / ${oatCalls} calls)`,
          unit: "ms",
          ours: measured(
            "payspec client",
            `${describeCommand(tscOurs!)}  # calls.ts: client.<operationId>({ path, query, headers, body }) with literal values`,
            tsc[0],
          ),
          peer: measured(
            "openapi-fetch + openapi-typescript",
            `${describeCommand(tscOat!)}  # calls.ts: client.GET("/path", { params, body }) with the same values`,
            tsc[1],
          ),
        },
        1.0,
      ),
    );
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
