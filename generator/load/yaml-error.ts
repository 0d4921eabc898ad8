import { YamlParseError } from "@redocly/openapi-core";
import { isRecord } from "../runtime/records.js";

/**
 * Where and why YAML was refused, as "at line L, column C: reason", for the two shapes the
 * parser's errors reach us in: js-yaml's own (from `parseYaml`, marks counted from 0) and
 * Redocly's `YamlParseError` around it (from a spec's load); anything else as the first line of
 * its message, in parentheses.
 */
export function yamlErrorPlace(error: unknown): string {
  const original = error instanceof YamlParseError ? error.originalError : error;
  const { reason, mark } = isRecord(original) ? original : {};
  if (typeof reason !== "string" || !isRecord(mark) || typeof mark.line !== "number" || typeof mark.column !== "number")
    return `(${String(error instanceof Error ? error.message : error).split("\n")[0]})`;
  return `at line ${mark.line + 1}, column ${mark.column + 1}: ${reason}`;
}
