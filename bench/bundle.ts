// Benchmark 4: bundle size. esbuild (bundle, minify, ESM, platform node so `node:*` builtins stay
// external) of a small script that imports one provider's client and calls one operation, then
// gzip (level 9); against the same script shape using openapi-fetch alone. The metafile
// attributes the minified bytes to modules. Two more builds: the same client given its response
// validators (`validateResponses`, their own module), a what-if without the request
// validators (the checks before sending, on by default), and the floor under them all: the
// runtime that one call runs, reached without the client (no method table, no other operation,
// no paging or batching, no validators), which no reshaping of the generated client can go below.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile, type Plugin } from "esbuild";
import { ourMethods } from "./lib/calls.js";
import { REPO } from "./lib/paths.js";
import type { Row } from "./lib/table.js";
import { projectApis } from "./generate.js";

export const BUNDLE_LIMIT = 4096;

export interface BundleOptions {
  /** Only these providers (default: every api in redocly.yaml). */
  readonly apis?: readonly string[];
}

export interface ModuleShare {
  readonly module: string;
  /** Minified bytes of this module in the bundle (before gzip). */
  readonly bytes: number;
}

export interface BundleFigures {
  readonly api: string;
  readonly gzip: number;
  readonly minified: number;
  /** The same entry passing the response validators as `validateResponses`. */
  readonly withResponseValidators: number;
  /** What-if: the request validators replaced by nothing. */
  readonly withoutValidators: number;
  /** The floor: `createContext` + `invoke` with the call's own descriptor, nothing else of the client. */
  readonly runtimeFloor: number;
  readonly modules: readonly ModuleShare[];
}

export interface BundleResult {
  readonly rows: Row[];
  readonly baseline: { readonly gzip: number; readonly minified: number };
  readonly figures: readonly BundleFigures[];
}

const ESBUILD = {
  bundle: true,
  minify: true,
  format: "esm",
  platform: "node",
  target: "es2022",
  write: false,
  metafile: true,
  logLevel: "silent",
} as const;
export const ESBUILD_COMMAND =
  "esbuild <entry> --bundle --minify --format=esm --platform=node --target=es2022 | gzip -9";

async function bundle(
  entry: string,
  plugins: Plugin[] = [],
): Promise<{ gzip: number; minified: number; metafile: Metafile }> {
  const result = await build({ ...ESBUILD, entryPoints: [entry], plugins });
  const out = result.outputFiles[0];
  if (out === undefined) throw new Error(`esbuild produced nothing for ${entry}`);
  return {
    gzip: gzipSync(out.contents, { level: 9 }).length,
    minified: out.contents.length,
    metafile: result.metafile,
  };
}

/** Replaces `./validators.gen.js` imported by client.gen.ts with a module exporting `drop` as undefined. */
function withoutValidatorsPlugin(real: string, drop: readonly string[]): Plugin {
  return {
    name: "validators-what-if",
    setup(b) {
      b.onResolve({ filter: /[/\\]validators\.gen\.js$/ }, () => ({ path: real, namespace: "what-if" }));
      b.onLoad({ filter: /.*/, namespace: "what-if" }, () => ({
        contents: drop.map((name) => `export const ${name} = undefined;`).join("\n"),
        resolveDir: path.dirname(real),
        loader: "ts",
      }));
    },
  };
}

/**
 * The floor's entry: the client's context options and the measured operation's descriptor, copied
 * from client.gen.ts without its request validator, handed to the runtime directly.
 */
function runtimeFloorEntry(clientText: string, method: string, runtimeIndex: string): string {
  const descriptor = new RegExp(`^const ${method}Operation: OperationSpec = \\{\\n[\\s\\S]*?\\n\\};$`, "m").exec(
    clientText,
  )?.[0];
  const context = /const context = createContext\(([\s\S]*?), options\);/.exec(clientText)?.[1];
  if (descriptor === undefined || context === undefined)
    throw new Error(`client.gen.ts: no descriptor of ${method} or no createContext call to copy for the floor`);
  return [
    `import { createContext, invoke, type OperationSpec } from ${JSON.stringify(runtimeIndex)};`,
    descriptor.replace(/^ {2}validateRequest: \w+,\n/m, ""),
    `const context = createContext(${context}, {} as never);`,
    `const r = await invoke<{ ok: boolean }>(context, ${method}Operation, {} as never);`,
    "console.log(r.ok);",
    "",
  ].join("\n");
}

function moduleName(file: string): string {
  const rel = file.replace(/^.*node_modules\//, "node_modules/");
  if (rel.startsWith("node_modules/"))
    return rel
      .split("/")
      .slice(0, rel.split("/")[1]!.startsWith("@") ? 3 : 2)
      .join("/");
  return path.relative(REPO, path.resolve(REPO, file));
}

function shares(metafile: Metafile): ModuleShare[] {
  const output = Object.values(metafile.outputs)[0];
  const totals = new Map<string, number>();
  for (const [file, info] of Object.entries(output?.inputs ?? {})) {
    const name = moduleName(file);
    totals.set(name, (totals.get(name) ?? 0) + info.bytesInOutput);
  }
  return [...totals]
    .map(([module, bytes]) => ({ module, bytes }))
    .filter((m) => m.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

export async function benchBundle(options: BundleOptions = {}): Promise<BundleResult> {
  const apis = projectApis();
  const names = options.apis ?? [...apis.keys()];
  const work = mkdtempSync(path.join(tmpdir(), "payspec-bench-bundle-"));
  try {
    const baselineEntry = path.join(work, "openapi-fetch.ts");
    writeFileSync(
      baselineEntry,
      `import createClient from "openapi-fetch";\nconst client = createClient({ baseUrl: "https://api.example.com" });\nconst r = await client.POST("/v1/payment/list", { body: {} });\nconsole.log(r.data);\n`,
    );
    // The entry lives outside the repo; openapi-fetch resolves from the repo's node_modules.
    const baseline = await bundle(baselineEntry, [
      {
        name: "repo-node-modules",
        setup: (b) =>
          b.onResolve({ filter: /^openapi-fetch$/ }, () => ({
            path: path.join(REPO, "node_modules/openapi-fetch/dist/index.mjs"),
          })),
      },
    ]);
    const rows: Row[] = [];
    const figures: BundleFigures[] = [];
    for (const api of names) {
      const dir = path.join(REPO, "generated", api);
      const clientFile = path.join(dir, "client.gen.ts");
      const { factory, methods } = ourMethods(clientFile);
      const method = [...methods.values()][0]!;
      const entry = path.join(work, `${api}.ts`);
      const call = (options: string) =>
        `const client = ${factory}(${options});\nconst r = await client.${method}({} as never);\nconsole.log(r.ok);\n`;
      writeFileSync(
        entry,
        `import { ${factory} } from ${JSON.stringify(path.join(dir, "index.js"))};\n${call("{} as never")}`,
      );
      const responseFile = path.join(dir, "response-validators.gen.ts");
      const responseValidators = /^export const (\w+): ResponseValidators/m.exec(
        readFileSync(responseFile, "utf8"),
      )![1]!;
      const checkedEntry = path.join(work, `${api}-checked.ts`);
      writeFileSync(
        checkedEntry,
        `import { ${factory} } from ${JSON.stringify(path.join(dir, "index.js"))};\n` +
          `import { ${responseValidators} } from ${JSON.stringify(path.join(dir, "response-validators.gen.js"))};\n` +
          call(`{ validateResponses: ${responseValidators} } as never`),
      );
      const text = readFileSync(clientFile, "utf8");
      const requests = [...new Set([...text.matchAll(/\bvalidateRequest: (\w+)/g)].map((m) => m[1]!))];
      const full = await bundle(entry);
      const checked = await bundle(checkedEntry);
      const none = await bundle(entry, [withoutValidatorsPlugin(path.join(dir, "validators.gen.ts"), requests)]);
      const floorEntry = path.join(work, `${api}-floor.ts`);
      writeFileSync(floorEntry, runtimeFloorEntry(text, method, path.join(REPO, "generated/runtime/index.js")));
      const floor = await bundle(floorEntry);
      const modules = shares(full.metafile);
      figures.push({
        api,
        gzip: full.gzip,
        minified: full.minified,
        withResponseValidators: checked.gzip,
        withoutValidators: none.gzip,
        runtimeFloor: floor.gzip,
        modules,
      });
      const top =
        modules[0] === undefined
          ? ""
          : `${modules[0].module.replace(/^generated\//, "")} ${modules[0].bytes} B minified`;
      rows.push({
        bench: "4",
        what: `bundle ${api}: import + one call (${method}), min+gzip`,
        unit: "B",
        ours: {
          label: `payspec ${api}`,
          command: `${ESBUILD_COMMAND}  # entry: import { ${factory} } from "generated/${api}/index.js"; ${factory}(…).${method}(…)`,
          value: full.gzip,
        },
        peer: {
          label: "openapi-fetch alone",
          command: `${ESBUILD_COMMAND}  # entry: createClient({ baseUrl }).POST("/v1/payment/list", { body })`,
          value: baseline.gzip,
        },
        ratio: full.gzip / baseline.gzip,
        target: `≤ ${BUNDLE_LIMIT} B`,
        met: full.gzip <= BUNDLE_LIMIT,
        note: `with validateResponses ${checked.gzip} B; without the request validators ${none.gzip} B; the runtime floor of this call ${floor.gzip} B; largest: ${top}`,
      });
    }
    return { rows, baseline: { gzip: baseline.gzip, minified: baseline.minified }, figures };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
