export { createContext, DEFAULT_TIMEOUT_MS, type ClientContext } from "./context.js";
export { ClientError, ConfigurationError, TimeoutError, TransportError, UnexpectedResponseError } from "./errors.js";
export { invoke } from "./invoke.js";
export { type PagedMethod, withPaging } from "./methods.js";
export { type PageOptions, PaginationError } from "./paging.js";
export { getRequestSigner, requestSigners, type RequestSigner } from "./signing.js";
export type { AuthSpec, BaseClientOptions, CallOptions, Failure, OperationSpec, PaginationSpec, RequestArgs, RetryOptions, Success } from "./types.js";
export { checkFormat, isObject, type Issue, passes, ResponseValidationError, segment, typeName, ValidationError, type Validator } from "./validation.js";
