import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { expect } from "vitest";

/** What every generated verifier's `verify` answers, seen generically. */
export type AnyResult =
  | { readonly ok: true; readonly name: string; readonly payload: unknown }
  | { readonly ok: false; readonly reason: string };

export interface AnyVerifier {
  verify(rawBody: string | Uint8Array, headers: IncomingHttpHeaders | Headers): Promise<AnyResult>;
}

/**
 * A merchant's endpoint as the docs show it: plain node:http on 127.0.0.1, the raw body
 * handed to the verifier, 200 for a genuine notification and 400 with the reason otherwise.
 * Every verdict is recorded for the test to inspect.
 */
export async function startEndpoint(
  verifier: AnyVerifier,
): Promise<{ url: string; results: AnyResult[]; close: () => Promise<void> }> {
  const results: AnyResult[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      void verifier.verify(Buffer.concat(chunks), req.headers).then((result) => {
        results.push(result);
        res.writeHead(result.ok ? 200 : 400, { "content-type": "application/json" });
        res.end(JSON.stringify(result.ok ? { received: result.name } : { refused: result.reason }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    results,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The reason of a rejection (fails the test on acceptance). */
export function reasonOf(result: AnyResult): string {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  return result.ok ? "" : result.reason;
}

/** Each listed rejection has its own reason, and none of them shows a secret. */
export function expectDistinctReasons(reasons: Readonly<Record<string, string>>, secrets: readonly string[]): void {
  const values = Object.values(reasons);
  expect(new Set(values).size, JSON.stringify(reasons, null, 2)).toBe(values.length);
  for (const reason of values) for (const secret of secrets) expect(reason).not.toContain(secret);
}

// --- payload generators: slashes, non-ASCII text, nested objects -----------------------------

/** Characters that break naive signers: slashes, quotes, backslashes, Cyrillic, emoji, line breaks. */
const TRICKY = [
  "a",
  "b",
  "z",
  "0",
  "7",
  " ",
  "/",
  "\\",
  '"',
  "é",
  "Ж",
  "я",
  "€",
  "😀",
  "\n",
  "\t",
  "\u2028",
  "<",
  "&",
  "=",
  "+",
  "%",
  "?",
];

export const trickyText = fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 12 });

/** Object keys that stay keys (not list indexes) in PHP and keep their order in JS. */
export const objectKey = fc.stringMatching(/^[a-z_/é][a-z0-9_/éß]{0,6}$/);

/** JSON values without floats or empty objects: what survives every re-encoding unchanged. */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    trickyText,
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(objectKey, tie("value"), { minKeys: 1, maxKeys: 3, noNullPrototype: true }),
  ),
})).value;

/** Extra top-level fields for a notification, next to the ones a webhook needs. */
export const extraFields = fc.dictionary(objectKey, jsonValue, { maxKeys: 4, noNullPrototype: true });

/** `text` with the character at `index` replaced by `replacement` (a different one). */
export function withCharReplaced(text: string, index: number, replacement: string): string {
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

/** A notification: `base` fields (what the webhook needs) plus extra fields that avoid `reserved` names. */
export function notification<T extends Record<string, unknown>>(
  base: fc.Arbitrary<T>,
  reserved: readonly string[],
): fc.Arbitrary<T & Record<string, unknown>> {
  return fc.tuple(extraFields, base).map(([extra, fields]) => {
    const kept = Object.fromEntries(
      Object.entries(extra).filter(([key]) => !reserved.includes(key) && !(key in fields)),
    );
    return { ...kept, ...fields };
  });
}

/** A one-character edit to apply to some text: where (taken modulo its length) and what. */
export const edit = fc.tuple(fc.nat(), fc.constantFrom(...TRICKY, "x", "1", "{", "}", ",", ":", "A", "-", "_", "."));
