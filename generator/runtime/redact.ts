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
