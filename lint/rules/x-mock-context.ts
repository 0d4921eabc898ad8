import type { UserContext } from "@redocly/openapi-core";
import type { DocumentedResponses } from "../../generator/extensions/x-mock-answer.js";
import { isRecord } from "../../generator/extensions/problem.js";
import { pickMediaType } from "../../generator/model/responses.js";
import { derefWith } from "./report.js";

/** What the x-mock-* rules read of an operation: its documented answers and their examples. */
export interface MockOperationContext {
  readonly responses: DocumentedResponses;
  /** Named examples of the success (lowest 2xx) JSON answer, in spec order. */
  readonly successExamples: Readonly<Record<string, unknown>>;
}

export function isWebhook(ctx: UserContext): boolean {
  return ctx.location.pointer.startsWith("#/webhooks/");
}

/** The JSON media of a response, chosen as the generator chooses it. */
function jsonMedia(response: unknown, deref: (node: unknown) => unknown): Record<string, unknown> | undefined {
  const resolved = deref(response);
  const content = isRecord(resolved) ? deref(resolved.content) : undefined;
  const type = pickMediaType(isRecord(content) ? content : undefined);
  const media = type === undefined || !/[/+]json\b/.test(type) || !isRecord(content) ? undefined : deref(content[type]);
  return isRecord(media) ? media : undefined;
}

/** Named examples of a media object, as the model names them (`example` is "default"). */
function examples(media: Record<string, unknown>, deref: (node: unknown) => unknown): Record<string, unknown> {
  const named = deref(media.examples);
  if (isRecord(named)) {
    return Object.fromEntries(
      Object.entries(named).flatMap(([name, raw]) => {
        const example = deref(raw);
        return isRecord(example) && "value" in example ? [[name, example.value]] : [];
      }),
    );
  }
  return "example" in media ? { default: media.example } : {};
}

export function mockOperationContext(operation: Record<string, unknown>, ctx: UserContext): MockOperationContext {
  const deref = derefWith(ctx);
  const raw = deref(operation.responses);
  const responses = isRecord(raw) ? raw : {};
  const documented: Record<string, readonly string[] | null> = {};
  for (const [status, response] of Object.entries(responses)) {
    const media = jsonMedia(response, deref);
    documented[status] = media === undefined ? null : Object.keys(examples(media, deref));
  }
  const success = Object.keys(responses)
    .filter((status) => /^2\d\d$/.test(status))
    .sort()[0];
  const media = success === undefined ? undefined : jsonMedia(responses[success], deref);
  return { responses: documented, successExamples: media === undefined ? {} : examples(media, deref) };
}
