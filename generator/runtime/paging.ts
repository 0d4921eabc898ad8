import { ClientError } from "./errors.js";
import { readPointer } from "./pointer.js";
import { derivedSecrets, redactDeep } from "./redact.js";
import type {
  CursorPaginationSpec,
  OffsetPaginationSpec,
  OperationSpec,
  PaginationSpec,
  RequestArgs,
} from "./types.js";

export interface PageOptions {
  /** Stop quietly after this many pages (the first included). Default: DEFAULT_MAX_PAGES, past which paging throws. */
  readonly maxPages?: number;
}

/**
 * Pages read before `.pages()` / `.all()` give up with a PaginationError, unless the call sets
 * `maxPages`: a server that never ends a listing would otherwise be read forever.
 */
export const DEFAULT_MAX_PAGES = 1000;

/** Paging stopped: a page came back as a documented error, the cursor repeated, or the page bound was reached. */
export class PaginationError extends ClientError {
  override name = "PaginationError";
  /** The page (1-based) that failed. */
  readonly page: number;
  /** HTTP status of the failed page, when the failure was an answer. */
  readonly status: number | undefined;
  /** The failed page's typed error body, when the failure was an answer. */
  readonly error: unknown;

  constructor(
    provider: string,
    operation: string,
    message: string,
    details: { page: number; status?: number; error?: unknown },
  ) {
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

type Paged = OperationSpec & { readonly pagination: PaginationSpec };

/** The call's arguments with one paging field set (a parameter, or a top-level field of the JSON body). */
function withField(
  args: RequestArgs,
  field: { readonly in: "query" | "header" | "body"; readonly name: string },
  value: string | number,
): RequestArgs {
  switch (field.in) {
    case "query":
      return { ...args, query: { ...args.query, [field.name]: value } };
    case "header":
      return { ...args, headers: { ...args.headers, [field.name]: String(value) } };
    case "body":
      return {
        ...args,
        body: { ...(typeof args.body === "object" && args.body !== null ? args.body : {}), [field.name]: value },
      };
  }
}

function fieldOf(args: RequestArgs, field: OffsetPaginationSpec["offset"]): unknown {
  const holder = field.in === "query" ? args.query : field.in === "header" ? args.headers : args.body;
  return typeof holder === "object" && holder !== null ? (holder as Record<string, unknown>)[field.name] : undefined;
}

/**
 * The requests of a listing, one per page: `next` is given the page just read and answers the
 * arguments of the following page, or undefined when that page was the last.
 */
interface Walk {
  readonly first: RequestArgs;
  next(data: unknown, page: number): RequestArgs | undefined;
}

function cursorWalk(provider: string, op: Paged, spec: CursorPaginationSpec, args: RequestArgs): Walk {
  const seen = new Set<string>();
  return {
    first: args,
    next(data, page) {
      const next = readPointer(data, spec.nextCursor);
      if (typeof next !== "string" || next.length === 0) return undefined;
      if (seen.has(next)) {
        throw new PaginationError(
          provider,
          op.id,
          `the server returned cursor ${JSON.stringify(next)} again after page ${page}; stopping instead of looping`,
          { page },
        );
      }
      seen.add(next);
      return withField(args, spec.cursor, next);
    },
  };
}

function offsetWalk(provider: string, op: Paged, spec: OffsetPaginationSpec, args: RequestArgs): Walk {
  const start = Number(fieldOf(args, spec.offset) ?? 0);
  const limit = fieldOf(args, spec.limit);
  const pageSize =
    limit === undefined ? spec.pageSize : spec.limit.meaning === "end" ? Number(limit) - start : Number(limit);
  if (!Number.isInteger(start) || start < 0 || !Number.isInteger(pageSize) || pageSize <= 0) {
    throw new PaginationError(
      provider,
      op.id,
      `cannot page from ${spec.offset.name} ${String(start)} with ${spec.limit.name} ${String(limit)}: the page would hold no records`,
      { page: 1 },
    );
  }
  const at = (offset: number): RequestArgs =>
    withField(
      withField(args, spec.offset, offset),
      spec.limit,
      spec.limit.meaning === "end" ? offset + pageSize : pageSize,
    );
  let offset = start;
  return {
    first: at(start),
    next(data) {
      const list = readPointer(data, spec.items);
      // A short (or empty) page is the last one; the offset only ever grows, so this ends.
      if (!Array.isArray(list) || list.length < pageSize) return undefined;
      offset += list.length;
      return at(offset);
    },
  };
}

/**
 * Every page's result, first to last. Ends after the last page (no next cursor; a short page),
 * after a failed page (which is yielded), or at `maxPages`; reaching DEFAULT_MAX_PAGES without
 * `maxPages` set throws. A cursor seen before is an error: a server that loops would otherwise
 * page forever. Each page is a fresh call, so its body is serialized and signed anew.
 */
export async function* pages<R extends PageResult>(
  provider: string,
  op: Paged,
  call: (args: RequestArgs) => Promise<R>,
  args: RequestArgs = {},
  options: PageOptions = {},
): AsyncGenerator<R, void, undefined> {
  const spec = op.pagination;
  const walk = "cursor" in spec ? cursorWalk(provider, op, spec, args) : offsetWalk(provider, op, spec, args);
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  let current: RequestArgs | undefined = walk.first;
  for (let page = 1; current !== undefined; page++) {
    if (page > maxPages) {
      if (options.maxPages !== undefined) return;
      throw new PaginationError(
        provider,
        op.id,
        `stopped after ${DEFAULT_MAX_PAGES} pages (the default maxPages); pass { maxPages } to read further`,
        { page },
      );
    }
    const result = await call(current);
    yield result;
    if (!result.ok) return;
    current = walk.next(result.data, page);
  }
}

/** Every item of every page. A failed page throws PaginationError carrying its status and typed body. */
export async function* items<I, R extends PageResult>(
  provider: string,
  secrets: readonly string[],
  op: Paged,
  call: (args: RequestArgs) => Promise<R>,
  args?: RequestArgs,
  options?: PageOptions,
): AsyncGenerator<I, void, undefined> {
  let page = 0;
  for await (const result of pages(provider, op, call, args, options)) {
    page++;
    if (!result.ok) {
      const error = redactDeep(result.error, [...secrets, ...(derivedSecrets.get(result) ?? [])]);
      throw new PaginationError(provider, op.id, `page ${page} failed with HTTP ${result.status}`, {
        page,
        status: result.status,
        error,
      });
    }
    const list = readPointer(result.data, op.pagination.items);
    if (!Array.isArray(list)) {
      throw new PaginationError(provider, op.id, `page ${page} has no item list at ${op.pagination.items}`, {
        page,
        status: result.status,
      });
    }
    yield* list as I[];
  }
}
