import { formatProblems, getTotals } from "@redocly/openapi-core";
import { lintSpec, SpecError } from "../load/load-spec.js";
import { loadProject, ProjectConfigError } from "../load/project.js";

/**
 * `npm run lint`: every spec in redocly.yaml against recommended-strict plus the project's
 * rules — what `npx redocly lint` runs too (redocly.yaml registers the rules as a plugin), but
 * through the generator's resolver, so a spec's $refs reach neither the network nor outside the
 * project unless opted in.
 */
async function main(): Promise<number> {
  const project = await loadProject(process.cwd());
  let failed = false;
  for (const api of project.apis) {
    const { problems } = await lintSpec(api, project.config);
    const totals = getTotals([...problems]);
    formatProblems([...problems], { format: "codeframe", totals, color: process.stdout.isTTY });
    console.log(`${api.name}: ${totals.errors} errors, ${totals.warnings} warnings`);
    failed ||= totals.errors + totals.warnings > 0;
  }
  return failed ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof SpecError || error instanceof ProjectConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
