import { formatProblems, getTotals, lint } from "@redocly/openapi-core";
import { loadProject } from "../generator/load/project.js";

/** `npm run lint`: every spec in redocly.yaml against recommended-strict plus our rules. */
const project = await loadProject(process.cwd());
let failed = false;
for (const api of project.apis) {
  const problems = await lint({ ref: api.root, config: project.config.forAlias(api.name) });
  const totals = getTotals(problems);
  formatProblems(problems, { format: "codeframe", totals, color: process.stdout.isTTY });
  console.log(`${api.name}: ${totals.errors} errors, ${totals.warnings} warnings`);
  failed ||= totals.errors + totals.warnings > 0;
}
process.exitCode = failed ? 1 : 0;
