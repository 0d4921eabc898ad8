import type { Plugin } from "@redocly/openapi-core";
import { operationErrorResponse } from "./rules/operation-error-response.js";
import { xBatch } from "./rules/x-batch.js";
import { xClientOption } from "./rules/x-client-option.js";
import { xCredential } from "./rules/x-credential.js";
import { xExactlyOneOf } from "./rules/x-exactly-one-of.js";
import { xIdempotent } from "./rules/x-idempotent.js";
import { xMockInvalid } from "./rules/x-mock-invalid.js";
import { xMockPages } from "./rules/x-mock-pages.js";
import { xMockUnauthorized } from "./rules/x-mock-unauthorized.js";
import { xPagination } from "./rules/x-pagination.js";
import { xRequestId } from "./rules/x-request-id.js";
import { xSignature } from "./rules/x-signature.js";
import { xWebhookSignature } from "./rules/x-webhook-signature.js";

/**
 * The project's own lint rules, referenced in redocly.yaml as `payspec/<rule>`. Passed to
 * loadConfig as a ready object, whose rule ids are used as written, so they carry the prefix.
 */
export const payspecPlugin: Plugin = {
  id: "payspec",
  rules: {
    oas3: {
      "payspec/operation-error-response": operationErrorResponse,
      "payspec/x-client-option": xClientOption,
      "payspec/x-credential": xCredential,
      "payspec/x-signature": xSignature,
      "payspec/x-pagination": xPagination,
      "payspec/x-request-id": xRequestId,
      "payspec/x-exactly-one-of": xExactlyOneOf,
      "payspec/x-idempotent": xIdempotent,
      "payspec/x-batch": xBatch,
      "payspec/x-webhook-signature": xWebhookSignature,
      "payspec/x-mock-pages": xMockPages,
      "payspec/x-mock-invalid": xMockInvalid,
      "payspec/x-mock-unauthorized": xMockUnauthorized,
    },
  },
};
