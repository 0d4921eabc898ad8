import { escapeSegment, pointerSegments } from "../runtime/pointer.js";
import { isRecord } from "../runtime/records.js";
import type { Deref } from "./deref.js";

/**
 * The schema of the value at `pointer` inside a value described by `schema`, walking
 * `properties` (and the branches of allOf/anyOf/oneOf), or undefined when no schema declares
 * that path. Used to prove that `x-pagination` points at fields that exist.
 */
export function schemaAtPointer(schema: unknown, pointer: string, deref: Deref): Record<string, unknown> | undefined {
  let current: Record<string, unknown>[] = [];
  const root = deref(schema);
  if (isRecord(root)) current = [root];
  for (const segment of pointerSegments(pointer)) {
    current = current
      .flatMap((node) => expand(node, deref))
      .flatMap((node) => {
        const props = node.properties;
        const child = isRecord(props) ? deref(props[segment]) : undefined;
        return isRecord(child) ? [child] : [];
      });
    if (current.length === 0) return undefined;
  }
  return current[0];
}

function expand(node: Record<string, unknown>, deref: Deref): Record<string, unknown>[] {
  const branches = ["allOf", "anyOf", "oneOf"].flatMap((key) => {
    const list = node[key];
    return Array.isArray(list) ? list.map(deref).filter(isRecord) : [];
  });
  return [node, ...branches.flatMap((b) => expand(b, deref))];
}

/** Whether a schema (or one of its branches) may be of `type`. */
export function allowsType(schema: Record<string, unknown>, type: string, deref: Deref): boolean {
  return expand(schema, deref).some((node) => {
    const t = node.type;
    return t === type || (Array.isArray(t) && t.includes(type));
  });
}

/** The schema of a top-level property of the value `schema` describes, if it declares one. */
export function propertySchema(schema: unknown, name: string, deref: Deref): Record<string, unknown> | undefined {
  return schemaAtPointer(schema, `/${escapeSegment(name)}`, deref);
}

/** The top-level properties of an object schema (through `$ref`s and `allOf`), by name. */
export function schemaProperties(schema: unknown, deref: Deref): Record<string, unknown> {
  const node = deref(schema);
  if (!isRecord(node)) return {};
  const own = isRecord(node.properties) ? node.properties : {};
  const inherited = Array.isArray(node.allOf) ? node.allOf.map((branch) => schemaProperties(branch, deref)) : [];
  return Object.assign({}, ...inherited, own) as Record<string, unknown>;
}

/** The properties an object schema requires (through `$ref`s and `allOf`). */
export function requiredProperties(schema: unknown, deref: Deref): Set<string> {
  const node = deref(schema);
  if (!isRecord(node)) return new Set();
  const own = Array.isArray(node.required) ? node.required.filter((k): k is string => typeof k === "string") : [];
  const inherited = Array.isArray(node.allOf)
    ? node.allOf.flatMap((branch) => [...requiredProperties(branch, deref)])
    : [];
  return new Set([...own, ...inherited]);
}
