import type { ApiModel, OperationModel } from "../generator/model/types.js";
import { escapeSegment, pointerSegments } from "../generator/runtime/pointer.js";
import { isRecord } from "../generator/runtime/records.js";

/** A spec as the example readers need it: its model and its bundled document. */
export interface DocumentedApi {
  readonly name: string;
  readonly model: ApiModel;
  /** Bundled: all refs local. */
  readonly document: Record<string, unknown>;
}

type Json = Record<string, unknown>;

/** Follows a local $ref chain; returns the node and the pointer it really lives at. */
function follow(document: Json, node: unknown, pointer: string): { node: unknown; pointer: string } {
  let current = node;
  let at = pointer;
  for (let hops = 0; isRecord(current) && typeof current.$ref === "string" && hops < 20; hops += 1) {
    at = current.$ref.slice(1);
    current = pointerSegments(at).reduce<unknown>((n, key) => (isRecord(n) ? n[key] : undefined), document);
  }
  return { node: current, pointer: at };
}

export function child(
  document: Json,
  parent: { node: unknown; pointer: string },
  key: string,
): { node: unknown; pointer: string } {
  const node = isRecord(parent.node) ? parent.node[key] : undefined;
  return follow(document, node, `${parent.pointer}/${escapeSegment(key)}`);
}

export function operationNode(api: DocumentedApi, operation: OperationModel): { node: unknown; pointer: string } {
  const paths = { node: api.document.paths, pointer: "/paths" };
  return child(api.document, child(api.document, paths, operation.path), operation.method);
}

function firstExampleOf(document: Json, holder: unknown): { found: true; value: unknown } | { found: false } {
  if (!isRecord(holder)) return { found: false };
  if (isRecord(holder.examples)) {
    for (const raw of Object.values(holder.examples)) {
      const example = follow(document, raw, "").node;
      if (isRecord(example) && "value" in example) return { found: true, value: example.value };
    }
  }
  if (Array.isArray(holder.examples) && holder.examples.length > 0) return { found: true, value: holder.examples[0] };
  if ("example" in holder) return { found: true, value: holder.example };
  return { found: false };
}

/** A value for a parameter, from its documented example (or its schema's, or its first enum value). */
export function parameterValue(api: DocumentedApi, operation: OperationModel, name: string): string {
  const op = operationNode(api, operation);
  const pathItem = follow(
    api.document,
    isRecord(api.document.paths) ? api.document.paths[operation.path] : undefined,
    "",
  );
  const declared = [pathItem.node, op.node]
    .flatMap((holder) => (isRecord(holder) && Array.isArray(holder.parameters) ? holder.parameters : []))
    .map((raw) => follow(api.document, raw, "").node)
    .filter(isRecord)
    .filter((p) => p.name === name);
  const parameter = declared.at(-1);
  const schema = parameter === undefined ? undefined : follow(api.document, parameter.schema, "").node;
  for (const holder of [parameter, schema]) {
    const example = firstExampleOf(api.document, holder);
    if (example.found) return String(example.value);
  }
  if (isRecord(schema) && Array.isArray(schema.enum) && schema.enum.length > 0) return String(schema.enum[0]);
  throw new Error(
    `${api.name} ${operation.id}: parameter "${name}" has no example; document one so tests can send a valid request`,
  );
}

/** The request body the spec documents (its first example), `{}` when it documents none, undefined without a body. */
export function bodyExample(api: DocumentedApi, operation: OperationModel): unknown {
  if (operation.body === undefined) return undefined;
  const requestBody = child(api.document, operationNode(api, operation), "requestBody");
  const media = child(api.document, child(api.document, requestBody, "content"), operation.body.contentType);
  const example = firstExampleOf(api.document, media.node);
  if (example.found) return example.value;
  const schemaExample = firstExampleOf(api.document, child(api.document, media, "schema").node);
  return schemaExample.found ? schemaExample.value : {};
}

/**
 * The arguments a generated client method needs for a valid request, from the documented
 * examples: required parameters plus the first name of x-exactly-one-of, and the body example.
 */
export function exampleArgs(api: DocumentedApi, operation: OperationModel): Record<string, unknown> {
  const exactlyOne = operation.exactlyOneOf ?? [];
  const args: Record<string, unknown> = {};
  for (const p of operation.parameters.filter((q) => q.required || q.name === exactlyOne[0])) {
    const key = p.in === "header" ? "headers" : p.in;
    const group = isRecord(args[key]) ? args[key] : {};
    args[key] = { ...group, [p.name]: parameterValue(api, operation, p.name) };
  }
  const body = bodyExample(api, operation);
  if (body !== undefined) args.body = body;
  return args;
}
