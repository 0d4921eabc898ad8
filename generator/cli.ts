import path from "node:path";
import { parseArgs } from "node:util";
import { SpecError } from "./load/load-spec.js";
import { loadProject, ProjectConfigError } from "./load/project.js";
import { generate } from "./pipeline.js";
import { diffOutput, writeOutput } from "./write/output.js";

const HELP = `Usage: npm run generate -- [options]

Regenerates generated/ from every spec listed under apis: in redocly.yaml.

Options:
  --check        write nothing; exit 1 listing stale files if generated/ differs
  --api <name>   only this configured api (repeatable)
  -h, --help     this text

Exit codes: 0 success (or fresh with --check); 1 invalid spec or config, or stale output
with --check; 2 wrong command-line usage.`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        check: { type: "boolean", default: false },
        api: { type: "string", multiple: true },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const dir = process.cwd();
  const project = await loadProject(dir);
  const wanted = values.api ?? [];
  const unknown = wanted.filter((name) => !project.apis.some((a) => a.name === name));
  if (unknown.length > 0) {
    console.error(`unknown --api ${unknown.join(", ")}; configured in redocly.yaml: ${project.apis.map((a) => a.name).join(", ")}`);
    return 2;
  }
  const apis = wanted.length > 0 ? project.apis.filter((a) => wanted.includes(a.name)) : project.apis;
  const outDir = path.join(dir, "generated");
  const result = await generate(apis, project.config, dir);
  const diff = await diffOutput(outDir, result.files);
  for (const r of result.reports) {
    console.log(`${r.name}: ${r.operations} operation(s), ${r.files} files in ${Math.round(r.ms)} ms`);
  }
  const stale = [...diff.changed, ...diff.removed].map((f) => `generated/${f}`);
  if (values.check) {
    if (stale.length === 0) {
      console.log("generated/ is up to date");
      return 0;
    }
    console.error(`generated/ is stale; run \`npm run generate\`:\n${stale.map((f) => `  ${f}`).join("\n")}`);
    return 1;
  }
  await writeOutput(outDir, result.files, diff);
  console.log(stale.length === 0 ? "generated/ unchanged" : `updated ${stale.length} file(s):\n${stale.map((f) => `  ${f}`).join("\n")}`);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof SpecError || error instanceof ProjectConfigError) {
    console.error(error.message);
  } else {
    console.error(`internal error (a bug in the generator, please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  process.exitCode = 1;
}
