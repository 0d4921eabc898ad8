import { readPointer, withPointer } from "./pointer.js";
import type { BatchSpec, RequestArgs } from "./types.js";

export interface BatchOptions {
  /** Requests in flight at once. Default 4. */
  readonly concurrency?: number;
}

/** One request of a batch that did not succeed, with the entries it carried. */
export interface BatchFailure<Id, F> {
  readonly ids: readonly Id[];
  /** The documented error answer, when there was one. */
  readonly result?: F;
  /** What was thrown (TransportError, TimeoutError, ValidationError…), otherwise. */
  readonly error?: unknown;
}

export interface BatchResult<Item, Id, F> {
  /** True when every request succeeded. */
  readonly ok: boolean;
  /** The merged lists of the successful requests, in input order. */
  readonly items: readonly Item[];
  readonly failures: readonly BatchFailure<Id, F>[];
}

interface Answer {
  readonly ok: boolean;
  readonly data?: unknown;
}

/**
 * Splits the list at `batch.items` into requests of at most `batch.size` entries, runs them
 * with bounded concurrency, and merges the lists at `batch.results` in input order. A failed
 * request is reported with the entries it held; the others still count.
 */
export async function runBatched<Item, Id, R extends Answer>(
  batch: BatchSpec,
  call: (args: RequestArgs) => Promise<R>,
  args: RequestArgs,
  options: BatchOptions = {},
): Promise<BatchResult<Item, Id, Extract<R, { ok: false }>>> {
  const all = readPointer(args.body, batch.items);
  const ids = (Array.isArray(all) ? all : []) as Id[];
  const chunks: Id[][] = [];
  for (let i = 0; i < ids.length; i += batch.size) chunks.push(ids.slice(i, i + batch.size));
  const outcomes: ({ result: R } | { error: unknown })[] = new Array(chunks.length);
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const index = next++;
      try {
        outcomes[index] = { result: await call({ ...args, body: withPointer(args.body, batch.items, chunks[index]) }) };
      } catch (error) {
        outcomes[index] = { error };
      }
    }
  };
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));

  const items: Item[] = [];
  const failures: BatchFailure<Id, Extract<R, { ok: false }>>[] = [];
  outcomes.forEach((outcome, index) => {
    if ("error" in outcome) failures.push({ ids: chunks[index]!, error: outcome.error });
    else if (!outcome.result.ok)
      failures.push({ ids: chunks[index]!, result: outcome.result as Extract<R, { ok: false }> });
    else {
      const list = readPointer(outcome.result.data, batch.results);
      if (Array.isArray(list)) items.push(...(list as Item[]));
    }
  });
  return { ok: failures.length === 0, items, failures };
}
