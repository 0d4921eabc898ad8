/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Peer {
  readonly name: string;
  /** One measured run; returns the figure (ms, µs per call, …). Throwing marks the peer failed. */
  readonly run: () => Promise<number>;
}

export interface PeerResult {
  readonly name: string;
  /** Median of the counted runs; undefined when the peer failed. */
  readonly median?: number;
  readonly samples: readonly number[];
  readonly error?: string;
}

export interface AlternateOptions {
  /** Runs of each peer before counting (not recorded). Default 1. */
  readonly warmup?: number;
  /** Counted runs of each peer. Default 5. */
  readonly runs?: number;
  /** Peers whose failure ends the whole alternation (the others' figures would be of no use). */
  readonly stopWhenFails?: readonly string[];
  /** Called after each run, e.g. for progress output. */
  readonly onRun?: (peer: string, round: number, value: number | Error) => void;
}

/**
 * Runs the peers in alternation (A B A B … or A B C A B C …), one warm-up round first, so slow
 * drifts of the machine hit every peer alike; returns each peer's median. A peer that fails once
 * is dropped from later rounds and reported with its error.
 */
export async function alternate(peers: readonly Peer[], options: AlternateOptions = {}): Promise<PeerResult[]> {
  const warmup = options.warmup ?? 1;
  const runs = options.runs ?? 5;
  const samples = peers.map(() => [] as number[]);
  const errors: (string | undefined)[] = peers.map(() => undefined);
  let stop = false;
  for (let round = 0; round < warmup + runs && !stop; round++) {
    for (const [i, peer] of peers.entries()) {
      if (errors[i] !== undefined || stop) continue;
      try {
        const value = await peer.run();
        if (!Number.isFinite(value)) throw new Error(`non-finite figure ${value}`);
        if (round >= warmup) samples[i]!.push(value);
        options.onRun?.(peer.name, round, value);
      } catch (error) {
        errors[i] = error instanceof Error ? error.message : String(error);
        if (options.stopWhenFails?.includes(peer.name)) stop = true;
        options.onRun?.(peer.name, round, error instanceof Error ? error : new Error(String(error)));
      }
    }
  }
  return peers.map((peer, i) => {
    const error = errors[i];
    const list = samples[i]!;
    if (error !== undefined) return { name: peer.name, samples: list, error };
    if (list.length === 0) return { name: peer.name, samples: list, error: "stopped before a counted run" };
    return { name: peer.name, samples: list, median: median(list) };
  });
}
