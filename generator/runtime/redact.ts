/**
 * Values computed from secrets for the request that produced a result (its signatures), so an
 * error built later from that result (PaginationError) can redact them too.
 */
export const derivedSecrets = new WeakMap<object, readonly string[]>();

/** Replaces every occurrence of each secret in `text` (secrets shorter than 4 chars are ignored: too common to mask). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join("[redacted]");
  }
  return out;
}

/** A short, redacted excerpt of a body for error messages. */
export function excerpt(text: string, secrets: readonly string[], max = 200): string {
  const clean = redact(text, secrets);
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** A copy of JSON data with every string redacted (an error body kept on an error object). */
export function redactDeep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") return redact(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, secrets)]));
  }
  return value;
}
