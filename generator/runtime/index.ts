export {
  type ClientContext,
  type ClientSpec,
  createContext,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
} from "./context.js";
export { ClientError, ConfigurationError, TimeoutError, TransportError, UnexpectedResponseError } from "./errors.js";
export { invoke } from "./invoke.js";
export type { BatchFailure, BatchOptions, BatchResult } from "./batching.js";
export { type BatchedMethod, type PagedMethod, withBatching, withPaging } from "./methods.js";
export { DEFAULT_MAX_PAGES, type PageOptions, PaginationError } from "./paging.js";
export { getRequestSigner, requestSigners, type RequestSigner } from "./signing.js";
export type {
  AuthSpec,
  BaseClientOptions,
  BatchSpec,
  CallOptions,
  ClientHooks,
  Failure,
  RequestEvent,
  ResponseEvent,
  OperationSpec,
  PaginationSpec,
  RequestArgs,
  ResponseValidators,
  RetryOptions,
  Success,
  WithDefaults,
} from "./types.js";
export { type Issue, ResponseValidationError, ValidationError } from "./validation.js";
export {
  type ArgumentPlace,
  checkValue,
  type JsonType,
  type ParameterRule,
  parseRules,
  type RequestRules,
  requestCheck,
  responseCheck,
  type Rule,
  type RuleRef,
  type Rules,
} from "./rules.js";
