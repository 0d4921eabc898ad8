import type { ClientContext } from "./context.js";
import { ConfigurationError } from "./errors.js";
import { type BatchOptions, type BatchResult, runBatched } from "./batching.js";
import { items, type PageOptions, pages } from "./paging.js";
import type { OperationSpec, RequestArgs } from "./types.js";

interface Answer {
  readonly ok: boolean;
  readonly status: number;
}

/** An operation method with paging helpers, for operations declaring `x-pagination`. */
export interface PagedMethod<A, R, I> {
  (args?: A): Promise<R>;
  pages(args?: A, options?: PageOptions): AsyncGenerator<R, void, undefined>;
  all(args?: A, options?: PageOptions): AsyncGenerator<I, void, undefined>;
}

export function withPaging<A extends RequestArgs, R extends Answer, I>(
  ctx: ClientContext,
  op: OperationSpec,
  call: (args?: A) => Promise<R>,
): PagedMethod<A, R, I> {
  const { pagination } = op;
  if (pagination === undefined) throw new ConfigurationError(ctx.provider, op.id, "operation has no x-pagination");
  const paged = { ...op, pagination };
  const anyPage = call as (args: RequestArgs) => Promise<R>;
  return Object.assign((args?: A) => call(args), {
    pages: (args?: A, options?: PageOptions) => pages(ctx.provider, paged, anyPage, args, options),
    all: (args?: A, options?: PageOptions) => items<I, R>(ctx.provider, ctx.secrets, paged, anyPage, args, options),
  });
}

/** An operation method with `.batched()`, for operations declaring `x-batch`. */
export interface BatchedMethod<A, R extends Answer, Item, Id> {
  (args?: A): Promise<R>;
  batched(args: A, options?: BatchOptions): Promise<BatchResult<Item, Id, Extract<R, { ok: false }>>>;
}

export function withBatching<A extends RequestArgs, R extends Answer, Item, Id>(
  ctx: ClientContext,
  op: OperationSpec,
  call: (args?: A) => Promise<R>,
): BatchedMethod<A, R, Item, Id> {
  const { batch } = op;
  if (batch === undefined) throw new ConfigurationError(ctx.provider, op.id, "operation has no x-batch");
  return Object.assign((args?: A) => call(args), {
    batched: (args: A, options?: BatchOptions) =>
      runBatched<Item, Id, R>(batch, call as (args: RequestArgs) => Promise<R>, args, options),
  });
}
