import { parseXClientOption } from "../extensions/x-client-option.js";
import { asRecord } from "../runtime/records.js";
import { declaredParameters } from "../spec/operation.js";
import { type ModelContext, unwrap } from "./context.js";
import { normalizeSchema } from "./schemas.js";
import type { ParameterModel } from "./types.js";

const LOCATIONS = ["path", "query", "header", "cookie"] as const;

/** Path-item parameters overridden by operation parameters with the same name and location. */
export function transformParameters(
  pathItem: Record<string, unknown>,
  operation: Record<string, unknown>,
  at: readonly (string | number)[],
  ctx: ModelContext,
): ParameterModel[] {
  const method = String(at.at(-1));
  return declaredParameters(pathItem, operation, method, ctx.deref).map(({ node, at: where }) => {
    const full = [...at.slice(0, -1), ...where];
    const p = asRecord(ctx.deref(node));
    const location = p?.in;
    if (!p || typeof p.name !== "string" || !LOCATIONS.includes(location as ParameterModel["in"])) {
      ctx.fail(full, "a parameter needs a name and in: path, query, header or cookie");
    }
    return {
      name: p.name as string,
      in: location as ParameterModel["in"],
      required: p.required === true || location === "path",
      ...(p.schema === undefined ? {} : { schema: normalizeSchema(p.schema, ctx) }),
      ...(typeof p.style === "string" ? { style: p.style } : {}),
      ...(typeof p.explode === "boolean" ? { explode: p.explode } : {}),
      ...(typeof p.description === "string" ? { description: p.description } : {}),
      ...(p["x-client-option"] === undefined
        ? {}
        : { clientOption: unwrap(parseXClientOption(p["x-client-option"]), [...full, "x-client-option"], ctx) }),
    };
  });
}
