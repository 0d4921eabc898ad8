/**
 * A spec that cannot be used; the message names the file, the JSON pointer and what to do.
 * In its own module so the pure model (shipped with `payspec/mock`) needs no spec loader.
 */
export class SpecError extends Error {
  override name = "SpecError";
}
