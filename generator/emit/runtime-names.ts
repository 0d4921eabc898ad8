/** Errors and result shapes a user handles, re-exported by each index.ts so one import path serves everything. */
export const RUNTIME_VALUES = [
  "ClientError",
  "ConfigurationError",
  "PaginationError",
  "ResponseValidationError",
  "TimeoutError",
  "TransportError",
  "UnexpectedResponseError",
  "ValidationError",
  "DEFAULT_MAX_BODY_BYTES",
  "DEFAULT_MAX_PAGES",
  "DEFAULT_TIMEOUT_MS",
];
export const RUNTIME_TYPES = [
  "BatchFailure",
  "BatchOptions",
  "BatchResult",
  "CallOptions",
  "ClientHooks",
  "Failure",
  "Issue",
  "PageOptions",
  "RequestEvent",
  "ResponseEvent",
  "ResponseValidators",
  "RetryOptions",
  "Success",
];

/** What a webhook handler names besides the generated types. */
export const WEBHOOK_RUNTIME_VALUES = ["DEFAULT_WEBHOOK_MAX_BODY_BYTES", "readWebhookBody"];
export const WEBHOOK_RUNTIME_TYPES = [
  "WebhookHeaders",
  "WebhookRejection",
  "WebhookRequestStream",
  "WebhookVerifierOptions",
];

/** Runtime names the generated modules import: no generated name may be one of them. */
const IMPORTED = [
  "BaseClientOptions",
  "OperationSpec",
  "RequestArgs",
  "WebhookSpec",
  "WithDefaults",
  "createContext",
  "createWebhookVerifier",
  "invoke",
  "withBatching",
  "withPaging",
];

/** Every runtime name a generated module imports or re-exports. */
export const RUNTIME_NAMES: readonly string[] = [
  ...RUNTIME_VALUES,
  ...RUNTIME_TYPES,
  ...WEBHOOK_RUNTIME_VALUES,
  ...WEBHOOK_RUNTIME_TYPES,
  ...IMPORTED,
];
