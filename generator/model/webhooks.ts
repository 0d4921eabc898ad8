import {
  overlappingWebhooks,
  parseXWebhookSignature,
  webhookMessages,
  type XWebhookSignature,
} from "../extensions/x-webhook-signature.js";
import { escapeSegment } from "../runtime/pointer.js";
import { mediaExamples } from "../spec/media.js";
import { type HttpMethod, methodsOf } from "../spec/methods.js";
import { asRecord } from "../runtime/records.js";
import { type ModelContext, unwrap } from "./context.js";
import { checkPointerName } from "./refs.js";
import { transformParameters } from "./parameters.js";

/** One notification a provider sends (an entry of the spec's `webhooks:`). */
export interface WebhookModel {
  /** The key under `webhooks:`; the `name` a verified notification carries. */
  readonly name: string;
  readonly method: HttpMethod;
  /** JSON pointer of the webhook's operation, for messages. */
  readonly pointer: string;
  readonly summary?: string;
  readonly description?: string;
  /** Request body media types, in spec order (JSON, form-encoded). */
  readonly mediaTypes: readonly string[];
  /** Media type → named examples of the body. */
  readonly examples: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly signature: XWebhookSignature;
}

function transformWebhook(
  name: string,
  pathItem: Record<string, unknown>,
  ctx: ModelContext,
): WebhookModel | undefined {
  const methods = methodsOf(pathItem);
  const method = methods[0];
  if (method === undefined || methods.length > 1)
    return ctx.fail(["webhooks", name], webhookMessages.oneOperation(methods));
  const at = ["webhooks", name, method];
  const operation = asRecord(pathItem[method])!;
  const content = asRecord(asRecord(ctx.deref(operation.requestBody))?.content) ?? {};
  const mediaTypes = Object.keys(content);
  // Unsigned webhooks keep their payload types (schema.gen.ts) but get no verifier; whether
  // every webhook must be signed is a lint convention (payspec/x-webhook-signature required).
  if (operation["x-webhook-signature"] === undefined) return undefined;
  const signature = unwrap(
    parseXWebhookSignature(operation["x-webhook-signature"], {
      bodies: mediaTypes.map((mediaType) => ({ mediaType, schema: asRecord(ctx.deref(content[mediaType]))?.schema })),
      headers: transformParameters(pathItem, operation, at, ctx)
        .filter((p) => p.in === "header")
        .map((p) => p.name),
      deref: ctx.deref,
    }),
    [...at, "x-webhook-signature"],
    ctx,
  );
  return {
    name,
    method,
    pointer: `#/webhooks/${escapeSegment(name)}/${method}`,
    ...(typeof operation.summary === "string" ? { summary: operation.summary } : {}),
    ...(typeof operation.description === "string" ? { description: operation.description } : {}),
    mediaTypes,
    examples: Object.fromEntries(
      mediaTypes.map((type) => [type, mediaExamples(asRecord(ctx.deref(content[type])), ctx.deref)]),
    ),
    signature,
  };
}

/** The spec's signed `webhooks:`, in spec order; fails when one body could be two of them. */
export function transformWebhooks(ctx: ModelContext): WebhookModel[] {
  const webhooks = Object.entries(asRecord(ctx.document.webhooks) ?? {}).flatMap(([name, raw]) => {
    checkPointerName(name, ["webhooks", name], "webhook name", ctx);
    return transformWebhook(name, asRecord(ctx.deref(raw)) ?? {}, ctx) ?? [];
  });
  const [overlap] = overlappingWebhooks(
    webhooks.map((w) => ({ name: w.name, ...(w.signature.match ? { match: w.signature.match } : {}) })),
  );
  if (overlap !== undefined) {
    const later = webhooks.find((w) => w.name === overlap[1])!;
    ctx.fail(
      ["webhooks", later.name, later.method, "x-webhook-signature", ...(later.signature.match ? ["match"] : [])],
      webhookMessages.overlap(...overlap),
    );
  }
  return webhooks;
}
