import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Whether two strings are equal, in time that depends on neither their contents nor where they
 * differ. Both sides are hashed first so that values of different lengths are compared too
 * (timingSafeEqual needs equal lengths) without an early exit.
 */
export function sameText(a: string, b: string): boolean {
  const left = createHash("sha256").update(a, "utf8").digest();
  const right = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(left, right);
}
