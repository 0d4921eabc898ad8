export { createContext, type ClientContext } from "./context.js";
export { ClientError, ConfigurationError, TransportError, UnexpectedResponseError } from "./errors.js";
export { invoke } from "./invoke.js";
export { type PagedMethod, withPaging } from "./methods.js";
export { type PageOptions, PaginationError } from "./paging.js";
export { getRequestSigner, requestSigners, type RequestSigner } from "./signing.js";
export type { AuthSpec, BaseClientOptions, Failure, OperationSpec, PaginationSpec, RequestArgs, Success } from "./types.js";
