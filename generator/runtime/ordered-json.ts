/**
 * A strict RFC 8259 JSON parser that keeps what `JSON.parse` throws away and signature checks
 * need: the order of object keys as written (JS objects put integer-like keys first) and each
 * number's text (`1.0` and `1` are different bytes). It also refuses duplicate keys, which
 * `JSON.parse` silently resolves to the last one: a signed body must mean one thing.
 */
export type JsonNode =
  | { readonly kind: "object"; readonly entries: readonly (readonly [string, JsonNode])[] }
  | { readonly kind: "array"; readonly items: readonly JsonNode[] }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "number"; readonly text: string }
  | { readonly kind: "literal"; readonly value: boolean | null };

export type JsonParse =
  | { readonly ok: true; readonly node: JsonNode }
  | { readonly ok: false; readonly error: string; readonly duplicateKey?: string };

/** PHP's json_decode refuses deeper documents by default; the limit also bounds recursion here. */
export const MAX_DEPTH = 512;

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
/** What each one-character JSON escape (`\n`, `\/`…) stands for; `\u` is read separately. */
export const JSON_SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly duplicateKey?: string,
  ) {
    super(message);
  }
}

export function parseOrderedJson(text: string): JsonParse {
  let at = 0;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(
      at >= text.length
        ? `unexpected end of input, expected ${what}`
        : `unexpected character at offset ${at}, expected ${what}`,
    );
  };
  const skipSpace = (): void => {
    while (at < text.length && (text[at] === " " || text[at] === "\t" || text[at] === "\n" || text[at] === "\r")) at++;
  };
  const hex4 = (): number => {
    const digits = text.slice(at, at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) fail("four hex digits");
    at += 4;
    return parseInt(digits, 16);
  };
  const string = (): string => {
    at++; // opening quote
    let out = "";
    for (;;) {
      const ch = text[at];
      if (ch === undefined) return fail('a closing "');
      if (ch === '"') {
        at++;
        return out;
      }
      if (ch < " ") fail("an escaped control character");
      if (ch !== "\\") {
        out += ch;
        at++;
        continue;
      }
      const escaped = text[at + 1];
      at += 2;
      if (escaped !== undefined && Object.hasOwn(JSON_SIMPLE_ESCAPES, escaped)) {
        out += JSON_SIMPLE_ESCAPES[escaped];
      } else if (escaped === "u") {
        const unit = hex4();
        if (unit >= 0xdc00 && unit <= 0xdfff) fail("no unpaired low surrogate");
        if (unit >= 0xd800 && unit <= 0xdbff) {
          // Like PHP's decoder: a lone surrogate is an error, not a replacement character.
          if (text.slice(at, at + 2) !== "\\u") fail("a low surrogate after a high surrogate");
          at += 2;
          const low = hex4();
          if (low < 0xdc00 || low > 0xdfff) fail("a low surrogate after a high surrogate");
          out += String.fromCharCode(unit, low);
        } else {
          out += String.fromCharCode(unit);
        }
      } else {
        at -= 1;
        return fail("a valid escape");
      }
    }
  };
  const value = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(`nested deeper than ${MAX_DEPTH} levels`);
    skipSpace();
    const ch = text[at];
    if (ch === "{") {
      at++;
      const entries: [string, JsonNode][] = [];
      const seen = new Set<string>();
      skipSpace();
      if (text[at] === "}") {
        at++;
        return { kind: "object", entries };
      }
      for (;;) {
        skipSpace();
        if (text[at] !== '"') fail("a key string");
        const key = string();
        if (seen.has(key)) throw new JsonSyntaxError(`duplicate key ${JSON.stringify(key)}`, key);
        seen.add(key);
        skipSpace();
        if (text[at] !== ":") fail('":"');
        at++;
        entries.push([key, value(depth + 1)]);
        skipSpace();
        if (text[at] === ",") {
          at++;
          continue;
        }
        if (text[at] === "}") {
          at++;
          return { kind: "object", entries };
        }
        fail('"," or "}"');
      }
    }
    if (ch === "[") {
      at++;
      const items: JsonNode[] = [];
      skipSpace();
      if (text[at] === "]") {
        at++;
        return { kind: "array", items };
      }
      for (;;) {
        items.push(value(depth + 1));
        skipSpace();
        if (text[at] === ",") {
          at++;
          continue;
        }
        if (text[at] === "]") {
          at++;
          return { kind: "array", items };
        }
        fail('"," or "]"');
      }
    }
    if (ch === '"') return { kind: "string", value: string() };
    for (const [word, literal] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return { kind: "literal", value: literal };
      }
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    if (number === null) return fail("a JSON value");
    at += number[0].length;
    return { kind: "number", text: number[0] };
  };
  try {
    const node = value(1);
    skipSpace();
    if (at < text.length) fail("the end of the document");
    return { ok: true, node };
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return error.duplicateKey === undefined
        ? { ok: false, error: error.message }
        : { ok: false, error: error.message, duplicateKey: error.duplicateKey };
    }
    throw error;
  }
}

/** The tree of a JS value, for signing what a caller hands over (keys in the object's own order). */
export function jsonNodeOf(value: unknown): JsonNode {
  if (value === null || typeof value === "boolean") return { kind: "literal", value };
  if (typeof value === "string") return { kind: "string", value };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`${value} cannot be sent as JSON`);
    return { kind: "number", text: JSON.stringify(value) };
  }
  if (Array.isArray(value)) return { kind: "array", items: value.map(jsonNodeOf) };
  if (typeof value === "object") {
    return {
      kind: "object",
      entries: Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, jsonNodeOf(v)] as const),
    };
  }
  throw new TypeError(`a ${typeof value} cannot be sent as JSON`);
}
