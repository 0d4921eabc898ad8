import { ClientError } from "./errors.js";
import { readPointer } from "./pointer.js";
import { derivedSecrets, redactDeep } from "./redact.js";
import type { OperationSpec, PaginationSpec, RequestArgs } from "./types.js";

export interface PageOptions {
  /** Stop after this many pages (the first included). Default: no bound. */
  readonly maxPages?: number;
}

/** Paging stopped: a page came back as a documented error, or the cursor repeated. */
export class PaginationError extends ClientError {
  override name = "PaginationError";
  /** The page (1-based) that failed. */
  readonly page: number;
  /** HTTP status of the failed page, when the failure was an answer. */
  readonly status: number | undefined;
  /** The failed page's typed error body, when the failure was an answer. */
  readonly error: unknown;

  constructor(provider: string, operation: string, message: string, details: { page: number; status?: number; error?: unknown }) {
    super(provider, operation, message);
    this.page = details.page;
    this.status = details.status;
    this.error = details.error;
  }
}

interface PageResult {
  readonly ok: boolean;
  readonly status: number;
  readonly data?: unknown;
  readonly error?: unknown;
}

function withCursor(args: RequestArgs, cursor: PaginationSpec["cursor"], value: string): RequestArgs {
  return cursor.in === "query"
    ? { ...args, query: { ...args.query, [cursor.name]: value } }
    : { ...args, headers: { ...args.headers, [cursor.name]: value } };
}

/**
 * Every page's result, first to last. Ends after a page without a next cursor (null, absent or
 * empty), after a failed page (which is yielded), or at `maxPages`. A cursor seen before is an
 * error: a server that loops would otherwise page forever. Each page is a fresh call, so its
 * body is serialized and signed anew.
 */
export async function* pages<R extends PageResult>(
  provider: string,
  op: OperationSpec & { readonly pagination: PaginationSpec },
  call: (args: RequestArgs) => Promise<R>,
  args: RequestArgs = {},
  options: PageOptions = {},
): AsyncGenerator<R, void, undefined> {
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  const seen = new Set<string>();
  let current = args;
  for (let page = 1; page <= maxPages; page++) {
    const result = await call(current);
    yield result;
    if (!result.ok) return;
    const next = readPointer(result.data, op.pagination.nextCursor);
    if (typeof next !== "string" || next.length === 0) return;
    if (seen.has(next)) {
      throw new PaginationError(provider, op.id, `the server returned cursor ${JSON.stringify(next)} again after page ${page}; stopping instead of looping`, { page });
    }
    seen.add(next);
    current = withCursor(args, op.pagination.cursor, next);
  }
}

/** Every item of every page. A failed page throws PaginationError carrying its status and typed body. */
export async function* items<I, R extends PageResult>(
  provider: string,
  secrets: readonly string[],
  op: OperationSpec & { readonly pagination: PaginationSpec },
  call: (args: RequestArgs) => Promise<R>,
  args?: RequestArgs,
  options?: PageOptions,
): AsyncGenerator<I, void, undefined> {
  let page = 0;
  for await (const result of pages(provider, op, call, args, options)) {
    page++;
    if (!result.ok) {
      const error = redactDeep(result.error, [...secrets, ...(derivedSecrets.get(result) ?? [])]);
      throw new PaginationError(provider, op.id, `page ${page} failed with HTTP ${result.status}`, { page, status: result.status, error });
    }
    const list = readPointer(result.data, op.pagination.items);
    if (!Array.isArray(list)) {
      throw new PaginationError(provider, op.id, `page ${page} has no item list at ${op.pagination.items}`, { page, status: result.status });
    }
    yield* list as I[];
  }
}
