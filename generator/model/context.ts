import { SpecError } from "./spec-error.js";
import { pointerOf } from "./json-pointer.js";

/** What every transform needs: the document, ref resolution, and a way to fail with a pointer. */
export interface ModelContext {
  readonly file: string;
  readonly document: Record<string, unknown>;
  readonly deref: (node: unknown) => unknown;
  fail(segments: readonly (string | number)[], message: string): never;
}

export function createFail(file: string): ModelContext["fail"] {
  return (segments, message) => {
    throw new SpecError(`${file}${pointerOf(segments)}: ${message}`);
  };
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
