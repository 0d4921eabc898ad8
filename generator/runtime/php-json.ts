import type { JsonNode } from "./ordered-json.js";

/**
 * What PHP produces for `json_encode(json_decode($text, true), JSON_UNESCAPED_UNICODE)`, the
 * re-encoding PHP verifiers hash. Rules taken from PHP 7.1+ (ext/json, main/snprintf.c):
 * - strings: `"` `\` `/` escaped (`\/`), \b \f \n \r \t, other control characters as
 *   `\u00xx` (lower-case hex), U+2028/U+2029 as `\u2028`/`\u2029`, everything else raw;
 * - integers within 64 bits stay as written (`-0` becomes `0`); other numbers are doubles,
 *   printed as the shortest round-trip digits (`1.50` → `1.5`, `1.0` → `1`, `1e25` → `1.0e+25`,
 *   `0.00001` → `1.0e-5`);
 * - decoded objects are PHP arrays: one whose keys are "0", "1", … in order is a list (`[…]`),
 *   and an empty object is `[]`; otherwise the keys keep their order.
 * Returns undefined when PHP's json_encode would fail (a number beyond the double range).
 */
export function phpJsonEncode(node: JsonNode): string | undefined {
  try {
    return encode(node);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

// -(2n ** 63n) and 2n ** 63n - 1n, written out: bundlers keep a BigInt `**` (it can throw) in every
// bundle that imports this module's neighbours, even a client's that never encodes PHP JSON.
const INT64_MIN = -9223372036854775808n;
const INT64_MAX = 9223372036854775807n;

function encode(node: JsonNode): string {
  switch (node.kind) {
    case "literal":
      return String(node.value);
    case "string":
      return phpString(node.value);
    case "number":
      return phpNumber(node.text);
    case "array":
      return `[${node.items.map(encode).join(",")}]`;
    case "object":
      if (isList(node.entries)) return `[${node.entries.map(([, v]) => encode(v)).join(",")}]`;
      return `{${node.entries.map(([k, v]) => `${phpString(k)}:${encode(v)}`).join(",")}}`;
  }
}

/** PHP stores "7" as the integer key 7; a list is keys 0..n-1 in that order. */
function isList(entries: readonly (readonly [string, JsonNode])[]): boolean {
  return entries.every(([key], i) => key === String(i));
}

function phpNumber(text: string): string {
  if (/^-?[0-9]+$/.test(text)) {
    const value = BigInt(text);
    if (value >= INT64_MIN && value <= INT64_MAX) return value.toString();
  }
  return phpDouble(Number(text));
}

/** php_gcvt(value, 17, '.', 'e') in mode 0, as json_encode calls it with serialize_precision = -1. */
export function phpDouble(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError("Inf and NaN cannot be JSON encoded");
  if (value === 0) return Object.is(value, -0) ? "-0" : "0";
  const sign = value < 0 ? "-" : "";
  // toExponential() without an argument gives the shortest digits that round-trip, as dtoa mode 0.
  const [mantissa = "", exponent = "0"] = Math.abs(value).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const decpt = Number(exponent) + 1; // the value is 0.<digits> × 10^decpt
  if (decpt < -3 || decpt > 17) {
    const e = decpt - 1;
    return `${sign}${digits[0]}.${digits.slice(1) || "0"}e${e < 0 ? "-" : "+"}${Math.abs(e)}`;
  }
  if (decpt <= 0) return `${sign}0.${"0".repeat(-decpt)}${digits}`;
  const whole = digits.slice(0, decpt).padEnd(decpt, "0");
  const fraction = digits.slice(decpt);
  return fraction === "" ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  "\\": "\\\\",
  "/": "\\/",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

function phpString(value: string): string {
  const escaped = value.replace(
    /["\\/\u0000-\u001f\u2028\u2029]/g,
    (ch) => ESCAPES[ch] ?? `\\u00${ch.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
  return `"${escaped}"`;
}
