import type { Oas3Rule } from "@redocly/openapi-core";
import { isRecord } from "../../generator/extensions/problem.js";
import { parseXBatch } from "../../generator/extensions/x-batch.js";
import { pickMediaType } from "../../generator/model/responses.js";
import { operationContext } from "./operation-context.js";
import { derefWith, reportProblems } from "./report.js";

/** `x-batch` points at a list in the JSON request body and a list in the success body, with a size. */
export const xBatch: Oas3Rule = () => ({
  Operation(node: object, ctx) {
    const operation = node as Record<string, unknown>;
    if (operation["x-batch"] === undefined) return;
    const deref = derefWith(ctx);
    const requestBody = deref(operation.requestBody);
    const content = isRecord(requestBody) && isRecord(requestBody.content) ? requestBody.content : undefined;
    const mediaType = pickMediaType(content);
    const media = mediaType === undefined ? undefined : content?.[mediaType];
    const bodySchema = isRecord(media) && /[/+]json\b/.test(mediaType ?? "") ? media.schema : undefined;
    const { successSchema } = operationContext(operation, ctx);
    reportProblems(ctx, "x-batch", parseXBatch(operation["x-batch"], { bodySchema, successSchema, deref }));
  },
});
