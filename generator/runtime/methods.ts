import type { ClientContext } from "./context.js";
import { ConfigurationError } from "./errors.js";
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
    all: (args?: A, options?: PageOptions) => items<I, R>(ctx.provider, paged, anyPage, args, options),
  });
}
