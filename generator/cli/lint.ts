import { formatProblems, getTotals } from "@redocly/openapi-core";
import { lintSpec, SpecError } from "../load/load-spec.js";
import { loadProject, ProjectConfigError } from "../load/project.js";

/**
 * `npm run lint` (through the launcher, generator/launch-lint.mjs): every spec in redocly.yaml
 * against recommended-strict plus the project's rules — what `npx redocly lint` runs too
 * (redocly.yaml registers the rules as a plugin), but through the generator's resolver, so a
 * spec's $refs reach neither the network nor outside the project unless opted in. Exit 0 when
 * every spec has no error and no warning, 1 otherwise.
 */
export async function main(): Promise<number> {
  try {
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
  } catch (error) {
    if (!(error instanceof SpecError || error instanceof ProjectConfigError)) throw error;
    console.error(error.message);
    return 1;
  }
}
