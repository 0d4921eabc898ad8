import { asRecord, type ModelContext } from "./context.js";
import { normalizeSchema } from "./schemas.js";
import type { ResponseModel } from "./types.js";

/** `application/json`, `application/*+json` (with or without parameters such as a charset). */
export function isJsonMediaType(mediaType: string): boolean {
  return /[/+]json\b/.test(mediaType);
}

/** JSON first (what clients parse), then any other declared media type. */
export function pickMediaType(content: Record<string, unknown> | undefined): string | undefined {
  if (!content) return undefined;
  const types = Object.keys(content);
  return types.find((t) => t === "application/json") ?? types.find(isJsonMediaType) ?? types[0];
}

export function examplesOf(media: Record<string, unknown> | undefined, ctx: ModelContext): Record<string, unknown> {
  if (!media) return {};
  const named = asRecord(media.examples);
  if (named) {
    const out: Record<string, unknown> = {};
    for (const [name, raw] of Object.entries(named)) {
      const example = asRecord(ctx.deref(raw));
      if (example && "value" in example) out[name] = example.value;
    }
    return out;
  }
  return "example" in media ? { default: media.example } : {};
}

function rank(status: string): number {
  if (/^\d{3}$/.test(status)) return Number(status);
  if (/^\dXX$/i.test(status)) return Number(status[0]) * 100 + 99.5;
  return 1000;
}

export function transformResponses(operation: Record<string, unknown>, at: readonly (string | number)[], ctx: ModelContext): ResponseModel[] {
  const responses = asRecord(ctx.deref(operation.responses));
  // OpenAPI 3.1 lets an operation document no response: any answer, body unknown.
  if (!responses || Object.keys(responses).length === 0) return [{ status: "default", ok: false, contentType: undefined, examples: {} }];
  return Object.entries(responses)
    .map(([status, raw]) => {
      if (!/^([1-5]\d\d|[1-5][Xx][Xx]|default)$/.test(status)) {
        ctx.fail([...at, "responses", status], 'a response key is a status ("200"), a range ("4XX") or "default"');
      }
      const content = asRecord(asRecord(ctx.deref(raw))?.content);
      const contentType = pickMediaType(content);
      const media = contentType === undefined ? undefined : asRecord(content?.[contentType]);
      return {
        status,
        ok: /^[23]/.test(status),
        contentType,
        examples: examplesOf(media, ctx),
        ...(media?.schema === undefined ? {} : { schema: normalizeSchema(media.schema, ctx) }),
      };
    })
    .sort((a, b) => rank(a.status) - rank(b.status));
}
