import type { UserContext } from "@redocly/openapi-core";
import { isRecord } from "../../generator/extensions/problem.js";
import type { PaginationContext } from "../../generator/extensions/x-pagination.js";
import { derefWith } from "./report.js";

/** The parameters (path item's and operation's) and the success JSON schema of an operation. */
export function operationContext(operation: Record<string, unknown>, ctx: UserContext): PaginationContext {
  const deref = derefWith(ctx);
  const pathItem: unknown = ctx.parent;
  const lists = [isRecord(pathItem) ? pathItem.parameters : undefined, operation.parameters];
  const parameters = lists
    .flatMap((list) => (Array.isArray(list) ? list.map(deref) : []))
    .filter(isRecord)
    .map((p) => ({ in: String(p.in), name: String(p.name) }));
  const responses = deref(operation.responses);
  let successSchema: unknown;
  if (isRecord(responses)) {
    const code = Object.keys(responses).find((c) => /^2(\d\d|XX)$/.test(c));
    const response = code === undefined ? undefined : deref(responses[code]);
    const content = isRecord(response) ? response.content : undefined;
    const json = isRecord(content) ? content["application/json"] : undefined;
    successSchema = isRecord(json) ? json.schema : undefined;
  }
  return { parameters, successSchema, deref };
}
