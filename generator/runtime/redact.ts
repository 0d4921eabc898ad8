import { JSON_SIMPLE_ESCAPES } from "./ordered-json.js";

/**
 * Values computed from secrets for the request that produced a result (its signatures), so an
 * error built later from that result (PaginationError) can redact them too.
 */
export const derivedSecrets = new WeakMap<object, readonly string[]>();

/** Characters of a body shown in an error. */
export const EXCERPT_CHARS = 200;
/** The longest encoding of one character a server or URL may use (`%F0%9F%98%80`). */
export const MAX_ENCODED_CHAR = 12;
/** Secrets shorter than this are not masked: too common to find only where they leaked. */
const MIN_SECRET_LENGTH = 4;
const MASK = "[redacted]";

/** One decoded UTF-16 unit of a text and the span of text that encodes it. */
interface Unit {
  readonly char: string;
  /** What else the span may stand for (`+` is a space in form encoding). */
  readonly alt?: string;
  readonly start: number;
  readonly end: number;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** A run of `%XX` bytes from `at` that forms one UTF-8 character: its text and length, if any. */
function percentChar(text: string, at: number): { text: string; length: number } | undefined {
  const byte = (i: number) =>
    /^%[0-9A-Fa-f]{2}$/.test(text.slice(i, i + 3)) ? Number.parseInt(text.slice(i + 1, i + 3), 16) : undefined;
  const lead = byte(at);
  if (lead === undefined) return undefined;
  const count = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
  const bytes: number[] = [];
  for (let i = 0; i < count; i++) {
    const b = byte(at + 3 * i);
    if (b === undefined) return undefined;
    bytes.push(b);
  }
  if (count === 0) return undefined;
  const decoded = new TextDecoder("utf-8", { fatal: false }).decode(new Uint8Array(bytes));
  return decoded.includes("\uFFFD") ? undefined : { text: decoded, length: 3 * count };
}

/** The encoded character at `at` (JSON escape, percent-encoding, HTML reference), if one starts there. */
function encodedAt(text: string, at: number): { text: string; length: number } | undefined {
  const c = text[at];
  if (c === "\\") {
    const unicode = /^\\u([0-9A-Fa-f]{4})/.exec(text.slice(at, at + 6));
    if (unicode) return { text: String.fromCharCode(Number.parseInt(unicode[1]!, 16)), length: 6 };
    const escaped = JSON_SIMPLE_ESCAPES[text[at + 1] ?? ""];
    return escaped === undefined ? undefined : { text: escaped, length: 2 };
  }
  if (c === "%") return percentChar(text, at);
  if (c === "&") {
    const reference = /^&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([a-z]{2,4}));/.exec(text.slice(at, at + 12));
    if (!reference) return undefined;
    const [whole, decimal, hex, name] = reference;
    const code = decimal !== undefined ? Number(decimal) : hex !== undefined ? Number.parseInt(hex, 16) : undefined;
    if (code !== undefined)
      return code <= 0x10ffff ? { text: String.fromCodePoint(code), length: whole.length } : undefined;
    const named = ENTITIES[name!];
    return named === undefined ? undefined : { text: named, length: whole.length };
  }
  return undefined;
}

/** The text as the characters it may encode, each with the span that encodes it. */
function decodeUnits(text: string): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < text.length; ) {
    const encoded = encodedAt(text, i);
    const length = encoded?.length ?? 1;
    const decoded = encoded?.text ?? text[i]!;
    for (const char of decoded.split(""))
      units.push({
        char,
        ...(decoded === "+" && encoded === undefined ? { alt: " " } : {}),
        start: i,
        end: i + length,
      });
    i += length;
  }
  return units;
}

/** Spans of `text` that encode `secret`, in any mix of the encodings above. */
function encodedSpans(units: readonly Unit[], secret: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let k = 0; k + secret.length <= units.length; k++) {
    let j = 0;
    while (j < secret.length && (units[k + j]!.char === secret[j] || units[k + j]!.alt === secret[j])) j++;
    if (j === secret.length) {
      spans.push([units[k]!.start, units[k + j - 1]!.end]);
      k += j - 1;
    }
  }
  return spans;
}

/**
 * Replaces every occurrence of each secret in `text`: as is, and as a server or a URL parser may
 * encode it (JSON `\/` and `\uXXXX` escapes, percent-encoding, `+` for spaces, HTML character
 * references), in any mix.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const masked = secrets.filter((s) => s.length >= MIN_SECRET_LENGTH);
  let out = text;
  for (const secret of masked) out = out.split(secret).join(MASK);
  if (!/[\\%&+]/.test(out) || masked.length === 0) return out;
  const units = decodeUnits(out);
  const spans = masked.flatMap((secret) => encodedSpans(units, secret)).sort((a, b) => a[0] - b[0]);
  if (spans.length === 0) return out;
  let result = "";
  let at = 0;
  for (const [start, end] of spans) {
    // A span overlapping the one just masked extends that mask.
    if (start < at) {
      at = Math.max(at, end);
      continue;
    }
    result += out.slice(at, start) + MASK;
    at = end;
  }
  return result + out.slice(at);
}

/** A short, redacted excerpt of a body for error messages. */
export function excerpt(text: string, secrets: readonly string[], max = EXCERPT_CHARS): string {
  const clean = redact(text, secrets);
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** A copy of JSON data with every string (keys too) redacted (an error body kept on an error object). */
export function redactDeep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") return redact(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redact(key, secrets), redactDeep(item, secrets)]),
    );
  }
  return value;
}

/**
 * A stand-in for a low-level error (kept as `cause`): its name, code and redacted message, and
 * its cause's likewise. The original is dropped: its message may quote a URL with a key in it.
 */
export function redactedError(error: unknown, secrets: readonly string[], depth = 0): Error {
  if (!(error instanceof Error)) return new Error(redact(String(error), secrets));
  const copy = new Error(
    redact(error.message, secrets),
    depth < 3 && error.cause !== undefined ? { cause: redactedError(error.cause, secrets, depth + 1) } : undefined,
  );
  copy.name = error.name;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") Object.assign(copy, { code });
  // The frames name only files; the first line is the message, redacted above.
  copy.stack = [
    `${copy.name}: ${copy.message}`,
    ...(error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line)),
  ].join("\n");
  return copy;
}
