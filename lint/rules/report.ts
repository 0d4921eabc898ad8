import type { UserContext } from "@redocly/openapi-core";
import type { Parsed } from "../../generator/extensions/problem.js";

/** Reports each problem of a parsed extension at its exact location under `key`. */
export function reportProblems<T>(ctx: UserContext, key: string, parsed: Parsed<T>): void {
  if (parsed.ok) return;
  for (const problem of parsed.problems) {
    ctx.report({ message: problem.message, location: ctx.location.child([key, ...problem.path]) });
  }
}

/** Follows a `$ref` through the linter's resolver. */
export function derefWith(ctx: UserContext): (node: unknown) => unknown {
  return (node) => {
    if (typeof node === "object" && node !== null && "$ref" in node) {
      return ctx.resolve(node as { $ref: string }).node;
    }
    return node;
  };
}
