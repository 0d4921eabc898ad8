/**
 * Reading answer bodies within a bound: an endless or huge body must not exhaust memory, so
 * bodies are read as a stream, counted, and the stream is cancelled past the limit.
 */

export type Bytes = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly tooLarge: true };

/** The answer's body, at most `limit` bytes; past that the rest is never read. */
export async function readBytes(response: Response, limit: number): Promise<Bytes> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, tooLarge: true };
  }
  const chunks = await readChunks(response, limit);
  if (chunks === undefined) return { ok: false, tooLarge: true };
  return { ok: true, bytes: concat(chunks) };
}

/** At most `maxBytes` of the body, decoded as UTF-8 (for error excerpts): the rest is cancelled, never read. */
export async function readPrefix(response: Response, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader();
  if (reader === undefined) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // A body that breaks off still gives the excerpt read so far.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return new TextDecoder().decode(concat(chunks).subarray(0, maxBytes));
}

/** The chunks of the body, or undefined once they add up to more than `limit` bytes (then cancelled). */
async function readChunks(response: Response, limit: number): Promise<Uint8Array[] | undefined> {
  const reader = response.body?.getReader();
  if (reader === undefined) return [];
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
