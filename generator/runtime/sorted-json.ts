import type { JsonNode } from "./ordered-json.js";

/**
 * Serializations of a JSON tree with every object's keys sorted by code point, as signers that
 * "hash the key-sorted body" produce them. Numbers keep the text they arrived with: the sender
 * printed the body and the signed text with the same serializer, so that is what it signed.
 */
export interface SortedJsonStyle {
  /** `", "` and `": "` (Python's json.dumps default) instead of `","` and `":"`. */
  readonly spaced: boolean;
  /** Non-ASCII characters (and DEL) as `\uXXXX`, as Python's default ensure_ascii=True does. */
  readonly asciiOnly: boolean;
}

export function sortedJson(node: JsonNode, style: SortedJsonStyle): string {
  const comma = style.spaced ? ", " : ",";
  const colon = style.spaced ? ": " : ":";
  const write = (n: JsonNode): string => {
    switch (n.kind) {
      case "literal":
        return String(n.value);
      case "number":
        return n.text;
      case "string":
        return quote(n.value, style.asciiOnly);
      case "array":
        return `[${n.items.map(write).join(comma)}]`;
      case "object":
        return `{${[...n.entries]
          .sort(([a], [b]) => compareCodePoints(a, b))
          .map(([k, v]) => `${quote(k, style.asciiOnly)}${colon}${write(v)}`)
          .join(comma)}}`;
    }
  };
  return write(node);
}

/** Python orders str by code point; JS's default sort compares UTF-16 units, which differs above U+FFFF. */
function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const diff = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!;
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

const SHORT: Readonly<Record<string, string>> = {
  '"': '\\"',
  "\\": "\\\\",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

function quote(value: string, asciiOnly: boolean): string {
  const special = asciiOnly ? /["\\\u0000-\u001f\u007f-\uffff]/g : /["\\\u0000-\u001f]/g;
  // Astral characters are two UTF-16 units here, so each is written as its surrogate pair, as Python does.
  return `"${value.replace(special, (ch) => SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}
