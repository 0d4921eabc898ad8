import type { Parsed } from "../extensions/problem.js";
import { pointerOf } from "../runtime/pointer.js";
import type { Deref } from "../spec/deref.js";
import { SpecError } from "./spec-error.js";

/** What every transform needs: the document, ref resolution, and a way to fail with a pointer. */
export interface ModelContext {
  readonly file: string;
  readonly document: Record<string, unknown>;
  readonly deref: Deref;
  fail(segments: readonly (string | number)[], message: string): never;
}

export function createFail(file: string): ModelContext["fail"] {
  return (segments, message) => {
    throw new SpecError(`${file}${pointerOf(segments)}: ${message}`);
  };
}

/** A parsed vendor extension's value, or a SpecError at its first problem (below `at`). */
export function unwrap<T>(parsed: Parsed<T>, at: readonly (string | number)[], ctx: ModelContext): T {
  if (parsed.ok) return parsed.value;
  const first = parsed.problems[0]!;
  return ctx.fail([...at, ...first.path], first.message);
}
