import { BASE_CLIENT_OPTIONS } from "../runtime/context.js";
import type { ClientDefaultSpec } from "../runtime/types.js";
import { identifier, isRecord, type Parsed, type Problem } from "./problem.js";
import type { Deref } from "./schema-pointer.js";

/**
 * `x-client-option: <option>` on a parameter, or on a top-level property of an operation's JSON
 * request body: the client option of that name supplies the value when a call leaves it out
 * (a shop id every call repeats). The field stays as the spec declares it (required or not).
 */
export type ClientDefault = ClientDefaultSpec;

export function parseXClientOption(value: unknown): Parsed<string> {
  const problems: Problem[] = identifier(value, [], "x-client-option");
  if (problems.length === 0 && (BASE_CLIENT_OPTIONS as readonly string[]).includes(value as string)) {
    problems.push({ path: [], message: `x-client-option "${String(value)}" is a built-in client option; choose another name` });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: value as string };
}

/** What an option's value is, from the schema of a field it fills; used to type the option. */
export function optionType(schema: unknown, deref: Deref): "string" | "number" | "boolean" {
  const node = deref(schema);
  const type = isRecord(node) ? node.type : undefined;
  const types = Array.isArray(type) ? type : [type];
  if (types.includes("integer") || types.includes("number")) return "number";
  if (types.includes("boolean")) return "boolean";
  return "string";
}

/** The top-level properties of a JSON body schema (through `$ref`s and `allOf`), by name. */
export function bodyProperties(schema: unknown, deref: Deref): Record<string, unknown> {
  const node = deref(schema);
  if (!isRecord(node)) return {};
  const own = isRecord(node.properties) ? node.properties : {};
  const inherited = Array.isArray(node.allOf) ? node.allOf.map((branch) => bodyProperties(branch, deref)) : [];
  return Object.assign({}, ...inherited, own) as Record<string, unknown>;
}
