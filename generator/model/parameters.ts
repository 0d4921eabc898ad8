import { parseXClientOption } from "../extensions/x-client-option.js";
import { asRecord, type ModelContext, unwrap } from "./context.js";
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
  const merged = new Map<string, ParameterModel>();
  const lists: [unknown, readonly (string | number)[]][] = [
    [pathItem.parameters, at.slice(0, -1)],
    [operation.parameters, at],
  ];
  for (const [list, base] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw, i) => {
      const p = asRecord(ctx.deref(raw));
      const location = p?.in;
      if (!p || typeof p.name !== "string" || !LOCATIONS.includes(location as ParameterModel["in"])) {
        ctx.fail([...base, "parameters", i], "a parameter needs a name and in: path, query, header or cookie");
      }
      const parameter: ParameterModel = {
        name: p.name as string,
        in: location as ParameterModel["in"],
        required: p.required === true || location === "path",
        ...(p.schema === undefined ? {} : { schema: normalizeSchema(p.schema, ctx) }),
        ...(typeof p.style === "string" ? { style: p.style } : {}),
        ...(typeof p.explode === "boolean" ? { explode: p.explode } : {}),
        ...(typeof p.description === "string" ? { description: p.description } : {}),
        ...(p["x-client-option"] === undefined ? {} : { clientOption: unwrap(parseXClientOption(p["x-client-option"]), [...base, "parameters", i, "x-client-option"], ctx) }),
      };
      merged.set(`${parameter.in}:${parameter.name}`, parameter);
    });
  }
  return [...merged.values()];
}
