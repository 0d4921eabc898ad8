import type { UserContext } from "@redocly/openapi-core";
import { isRecord } from "../../generator/extensions/problem.js";
import { pickMediaType } from "../../generator/model/responses.js";
import type { PaginationContext } from "../../generator/extensions/x-pagination.js";
import { derefWith } from "./report.js";

/** The parameters (path item's and operation's), the success JSON schema and the JSON request body schema of an operation. */
export function operationContext(operation: Record<string, unknown>, ctx: UserContext): PaginationContext {
  const deref = derefWith(ctx);
  const pathItem: unknown = ctx.parent;
  const lists = [isRecord(pathItem) ? pathItem.parameters : undefined, operation.parameters];
  const parameters = lists
    .flatMap((list) => (Array.isArray(list) ? list.map(deref) : []))
    .filter(isRecord)
    .map((p) => ({ in: String(p.in), name: String(p.name), required: p.required === true || p.in === "path", schema: p.schema }));
  const responses = deref(operation.responses);
  let successSchema: unknown;
  if (isRecord(responses)) {
    const code = Object.keys(responses).find((c) => /^2(\d\d|XX)$/.test(c));
    const response = code === undefined ? undefined : deref(responses[code]);
    const content = isRecord(response) && isRecord(response.content) ? response.content : undefined;
    // The same media-type choice as the generator's, so lint and generation agree.
    const mediaType = pickMediaType(content);
    const media = mediaType === undefined ? undefined : content?.[mediaType];
    successSchema = isRecord(media) && /[/+]json\b/.test(mediaType ?? "") ? media.schema : undefined;
  }
  const requestBody = deref(operation.requestBody);
  const content = isRecord(requestBody) && isRecord(requestBody.content) ? requestBody.content : undefined;
  const bodyType = pickMediaType(content);
  const bodyMedia = bodyType === undefined ? undefined : content?.[bodyType];
  const bodySchema = isRecord(bodyMedia) && /[/+]json\b/.test(bodyType ?? "") ? bodyMedia.schema : undefined;
  return { parameters, successSchema, bodySchema, deref };
}
