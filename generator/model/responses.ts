import { asRecord } from "../runtime/records.js";
import type { ModelContext } from "./context.js";
import { mediaExamples, pickMediaType } from "../spec/media.js";
import { normalizeSchema } from "./schemas.js";
import type { ResponseModel } from "./types.js";

function rank(status: string): number {
  if (/^\d{3}$/.test(status)) return Number(status);
  if (/^\dXX$/i.test(status)) return Number(status[0]) * 100 + 99.5;
  return 1000;
}

export function transformResponses(
  operation: Record<string, unknown>,
  at: readonly (string | number)[],
  ctx: ModelContext,
): ResponseModel[] {
  const responses = asRecord(ctx.deref(operation.responses));
  // OpenAPI 3.1 lets an operation document no response: any answer, body unknown.
  if (!responses || Object.keys(responses).length === 0)
    return [{ status: "default", ok: false, contentType: undefined, examples: {} }];
  return Object.entries(responses)
    .map(([status, raw]) => {
      if (!/^([1-5]\d\d|[1-5][Xx][Xx]|default)$/.test(status)) {
        ctx.fail([...at, "responses", status], 'a response key is a status ("200"), a range ("4XX") or "default"');
      }
      const response = asRecord(ctx.deref(raw));
      const content = asRecord(response?.content);
      const contentType = pickMediaType(content);
      const media = contentType === undefined ? undefined : asRecord(content?.[contentType]);
      return {
        status,
        ok: /^[23]/.test(status),
        contentType,
        examples: mediaExamples(media, ctx.deref),
        ...(media?.schema === undefined ? {} : { schema: normalizeSchema(media.schema, ctx) }),
        ...(typeof response?.description === "string" ? { description: response.description } : {}),
      };
    })
    .sort((a, b) => rank(a.status) - rank(b.status));
}
