import type { ApiModel, OperationModel, ParameterModel } from "../model/types.js";
import { createDeref } from "../spec/deref.js";
import { requiredProperties } from "../spec/schema-pointer.js";
import { docText } from "./comment.js";
import { literal } from "./literal.js";
import type { OperationNames } from "./names.js";

/** The first sentence of a description (a summary line in a list), or the whole if it has none. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const end = flat.search(/[.!?](\s|$)/);
  return end === -1 ? flat : flat.slice(0, end + 1);
}

function code(text: string): string {
  return `\`${text}\``;
}

function listed(items: readonly string[], conjunction: string): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

/** Which client options the call needs, so a reader sees it before a ConfigurationError says it. */
function credentialsLine(op: OperationModel): string {
  if (op.security.length === 0) return "Credentials: none.";
  const alternatives = op.security.map((alternative) =>
    listed([...new Set(alternative.map((a) => code(a.option)))], "and"),
  );
  return `Credentials: ${listed(alternatives, "or")} (client options); a call without them throws ConfigurationError before anything is sent.`;
}

function answersLine(op: OperationModel): string {
  const lines = op.responses.map((r) => {
    const what = r.description === undefined ? "" : ` ${firstSentence(r.description)}`;
    return `- ${code(r.status)}${r.ok ? " (ok)" : ""}:${what}`;
  });
  return `Answers, by \`result.status\`:\n${lines.join("\n")}`;
}

/** A placeholder for a required parameter: its example, or a value of its type. */
function placeholder(p: ParameterModel): unknown {
  const schema = typeof p.schema === "object" && p.schema !== null ? (p.schema as Record<string, unknown>) : {};
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  return schema.type === "integer" || schema.type === "number" ? 1 : schema.type === "boolean" ? true : "…";
}

/** The body example without the fields client options fill, cut to the required fields when long. */
function bodyExample(op: OperationModel, model: ApiModel): unknown {
  const example = op.body?.example;
  if (typeof example !== "object" || example === null || Array.isArray(example)) return example;
  const filled = new Set(Object.keys(op.body?.clientOptions ?? {}));
  const entries = Object.entries(example).filter(([key]) => !filled.has(key));
  if (entries.length <= 4) return Object.fromEntries(entries);
  const required = requiredProperties(
    op.body?.schema,
    createDeref({ components: { schemas: model.componentSchemas } }),
  );
  const kept = entries.filter(([key]) => required.has(key));
  return Object.fromEntries(kept.length > 0 ? kept.slice(0, 6) : entries.slice(0, 4));
}

function argsExample(op: OperationModel, model: ApiModel): string {
  const args: Record<string, unknown> = {};
  // The first of an `x-exactly-one-of` group is given too: a call without any of them is refused.
  const oneOf = op.exactlyOneOf?.[0];
  for (const p of op.parameters.filter((q) => (q.required || q.name === oneOf) && q.clientOption === undefined)) {
    const key = p.in === "header" ? "headers" : p.in;
    args[key] = { ...(args[key] as Record<string, unknown> | undefined), [p.name]: placeholder(p) };
  }
  const body = bodyExample(op, model);
  if (body !== undefined) args.body = body;
  return Object.keys(args).length === 0 ? "" : literal(args, 72);
}

/** A short call of the method, with the spec's own example values where it has them. */
function example(op: OperationModel, names: OperationNames, model: ApiModel): string {
  const args = argsExample(op, model);
  if (op.pagination) {
    return `for await (const item of client.${names.method}.all(${args})) console.log(item);`;
  }
  return [
    `const result = await client.${names.method}(${args});`,
    "if (result.ok) console.log(result.data);",
    "else console.error(result.status, result.error);",
  ].join("\n");
}

/** A method's doc: summary, description, the answers it documents, the credentials it needs, an example. */
export function operationDocs(op: OperationModel, names: OperationNames, model: ApiModel): string[] {
  const text = docText(
    op.summary,
    op.description,
    answersLine(op),
    credentialsLine(op),
    `@example\n${example(op, names, model)}`,
    op.deprecated ? "@deprecated" : undefined,
  );
  return text === undefined ? [] : [text];
}
