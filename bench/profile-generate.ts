// Child process of bench/profile.ts: one `generate` run with a timer around every phase. It
// repeats pipeline.ts's per-api steps (load → model → types → emit → write) with the same
// generator functions, so each phase's share can be read; tsc over bench/ keeps it in step
// with their signatures. Prints one JSON object on stdout. Usage:
//   tsx bench/profile-generate.ts --project <dir>      (redocly.yaml in <dir>, output <dir>/generated)
//   tsx bench/profile-generate.ts --spec <file> --out <dir>
// All imports are dynamic so their cost can be timed; performance.now() counts from the start
// of this (tsx's child) process.
import { parseArgs } from "node:util";

export interface ProfileStep {
  readonly phase: string;
  readonly ms: number;
  readonly api?: string;
}

export interface ProfileReport {
  /** Milliseconds from this process's start to the first line of this script (Node + tsx loader + transpiling this file). */
  readonly boot: number;
  readonly steps: readonly ProfileStep[];
  /** Milliseconds from this process's start to the end of the run. */
  readonly end: number;
  readonly apis: readonly { readonly name: string; readonly operations: number; readonly specBytes: number; readonly outputBytes: number }[];
}

async function main(): Promise<void> {
  const boot = performance.now();
  const { values } = parseArgs({ options: { project: { type: "string" }, spec: { type: "string" }, out: { type: "string" } } });
  const steps: ProfileStep[] = [];
  async function timed<T>(phase: string, work: () => Promise<T> | T, api?: string): Promise<T> {
    const started = performance.now();
    const result = await work();
    steps.push({ phase, ms: performance.now() - started, ...(api === undefined ? {} : { api }) });
    return result;
  }

  // Imports, heaviest shared dependencies first; each figure is what that import adds.
  await timed("import typescript (openapi-typescript's compiler, typescript/lib)", () => import("typescript"));
  await timed("import @redocly/openapi-core", () => import("@redocly/openapi-core"));
  await timed("import openapi-typescript", () => import("openapi-typescript"));
  await timed("import ts-morph (bundles its own TypeScript compiler, @ts-morph/common)", () => import("ts-morph"));
  const [project, loadSpecModule, model, types, clientFile, emitFiles, header, indexFile, runtime, validators, webhooks, output, , indent] = await timed(
    "import generator modules (tsx transpiles them)",
    () =>
      Promise.all([
        import("../generator/load/project.js"),
        import("../generator/load/load-spec.js"),
        import("../generator/model/build-model.js"),
        import("../generator/types/schema-types.js"),
        import("../generator/emit/client-file.js"),
        import("../generator/emit/emit-files.js"),
        import("../generator/emit/header.js"),
        import("../generator/emit/index-file.js"),
        import("../generator/emit/runtime-files.js"),
        import("../generator/emit/validators-file.js"),
        import("../generator/emit/webhook-file.js"),
        import("../generator/write/output.js"),
        import("../generator/pipeline.js"),
        import("../generator/emit/indent.js"),
      ]),
  );
  const path = await import("node:path");
  const { readFileSync } = await import("node:fs");

  let target: { apis: readonly { name: string; root: string }[]; config: import("@redocly/openapi-core").Config; outDir: string; sourceRoot: string; single: boolean };
  if (values.project !== undefined) {
    const dir = values.project;
    const p = await timed("config: load redocly.yaml + lint plugin", () => project.loadProject(dir));
    target = { apis: p.apis, config: p.config, outDir: path.join(dir, "generated"), sourceRoot: dir, single: false };
  } else if (values.spec !== undefined && values.out !== undefined) {
    const config = await timed("config: standalone lint config", () => project.standaloneConfig());
    const root = path.resolve(values.spec);
    target = { apis: [{ name: "api", root }], config, outDir: path.resolve(values.out), sourceRoot: process.cwd(), single: true };
  } else {
    throw new Error("usage: profile-generate.ts --project <dir> | --spec <file> --out <dir>");
  }

  const emitProject = await timed("emit: create ts-morph Project", () => emitFiles.createEmitProject());
  const files = new Map<string, string>();
  const runtimeDir = "runtime/";
  const runtimeImport = target.single ? "./runtime/index.js" : "../runtime/index.js";
  for (const [name, text] of await timed("emit: copy runtime files", () => runtime.runtimeFiles())) files.set(`${runtimeDir}${name}`, text);
  const apis: { name: string; operations: number; specBytes: number; outputBytes: number }[] = [];
  for (const api of target.apis) {
    const spec = await timed("load: read + parse check + lint + bundle (@redocly/openapi-core)", () => loadSpecModule.loadSpec(api, target.config, target.sourceRoot), api.name);
    const m = await timed("model: build operations", () => model.buildModel(spec), api.name);
    const schema = await timed("types: openapi-typescript → schema.gen.ts", () => types.schemaTypes(spec.document), api.name);
    const names = clientFile.clientNames(m);
    const hooks = m.webhooks.length > 0 ? webhooks.webhookNames(m, names) : undefined;
    const head = header.generatedHeader(path.relative(target.sourceRoot, spec.file).split(path.sep).join("/"), spec.sha256);
    const dir = target.single ? "" : `${api.name}/`;
    const v = await timed("emit: compile validators (validators.gen.ts text)", () => validators.validatorsFile(m, names, runtimeImport), api.name);
    const apiFiles: [string, string][] = [[`${dir}schema.gen.ts`, head + schema]];
    // As generator/pipeline.ts does: the validators are indented text, not run through ts-morph.
    apiFiles.push([`${dir}validators.gen.ts`, await timed("emit: indent validators.gen.ts", () => head + indent.indentCode(v.text), api.name)]);
    const clientStatements = await timed("emit: client.gen.ts Structures", () => clientFile.clientFileStatements(m, names, v.names, runtimeImport), api.name);
    apiFiles.push([`${dir}client.gen.ts`, await timed("emit: ts-morph print + format client.gen.ts", () => emitFiles.printFile(emitProject, "client.gen.ts", clientStatements, head), api.name)]);
    apiFiles.push([
      `${dir}index.ts`,
      await timed("emit: ts-morph print + format index.ts (+ webhooks.gen.ts)", () => emitFiles.printFile(emitProject, "index.ts", indexFile.indexFileStatements(m, names, runtimeImport, hooks), head), api.name),
    ]);
    if (hooks !== undefined) {
      apiFiles.push([
        `${dir}webhooks.gen.ts`,
        await timed("emit: ts-morph print + format index.ts (+ webhooks.gen.ts)", () => emitFiles.printFile(emitProject, "webhooks.gen.ts", webhooks.webhookFileStatements(m, hooks, runtimeImport), head), api.name),
      ]);
    }
    for (const [file, text] of apiFiles) files.set(file, text);
    apis.push({ name: api.name, operations: m.operations.length, specBytes: readFileSync(api.root).length, outputBytes: apiFiles.reduce((n, [, t]) => n + t.length, 0) });
  }
  const owned = target.single ? ["", "runtime/"] : [""];
  const diff = await timed("write: compare with disk", () => output.diffOutput({ outDir: target.outDir, owned, recursive: !target.single, allowOtherFiles: false }, files));
  await timed("write: write files", () => output.writeOutput(target.outDir, files, diff));
  const report: ProfileReport = { boot, steps, end: performance.now(), apis };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

await main();
