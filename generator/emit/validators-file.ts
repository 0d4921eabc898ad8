import type { ApiModel, OperationModel, ParameterModel } from "../model/types.js";
import { isJsonMediaType } from "../runtime/media-types.js";
import { segment } from "../runtime/validation.js";
import { SchemaCompiler } from "./validator-compiler.js";
import { jsDoc } from "./comment.js";
import type { ClientNames } from "./names.js";

export interface ValidatorNames {
  readonly request: string;
  readonly response: string;
}

const ARG_KEYS: Record<ParameterModel["in"], string> = {
  path: "path",
  query: "query",
  header: "headers",
  cookie: "cookie",
};

function requestValidator(op: OperationModel, name: string, compiler: SchemaCompiler): string {
  const lines: string[] = [];
  const locations = [...new Set(op.parameters.map((p) => p.in))];
  for (const location of locations) {
    lines.push(`const ${location} = (args.${ARG_KEYS[location]} ?? {}) as Record<string, unknown>;`);
  }
  for (const p of op.parameters) {
    const where = JSON.stringify(`/${ARG_KEYS[p.in]}${segment(p.name)}`);
    const value = `${p.in}[${JSON.stringify(p.name)}]`;
    const check = p.schema === undefined ? "" : `${compiler.compile(p.schema)}(${value}, ${where}, issues, false);`;
    if (p.required)
      lines.push(
        `if (${value} === undefined) issues.push({ pointer: ${where}, message: "is required" });${check ? ` else ${check}` : ""}`,
      );
    else if (check) lines.push(`if (${value} !== undefined) ${check}`);
  }
  if (op.exactlyOneOf) {
    const names = op.exactlyOneOf;
    const byName = new Map(op.parameters.map((p) => [p.name, p.in]));
    const present = names.map((n) => `${byName.get(n) ?? "query"}[${JSON.stringify(n)}] !== undefined`).join(", ");
    lines.push(
      `if ([${present}].filter(Boolean).length !== 1) issues.push({ pointer: "/${ARG_KEYS[byName.get(names[0]!) ?? "query"]}", message: ${JSON.stringify(`needs exactly one of ${names.join(", ")} (x-exactly-one-of)`)} });`,
    );
  }
  if (op.body) {
    const check =
      op.body.schema === undefined ? "" : `${compiler.compile(op.body.schema)}(args.body, "/body", issues, false);`;
    if (op.body.required)
      lines.push(
        `if (args.body === undefined) issues.push({ pointer: "/body", message: "is required" });${check ? ` else ${check}` : ""}`,
      );
    else if (check) lines.push(`if (args.body !== undefined) ${check}`);
  }
  const uses = lines.some((l) => /\bargs\b/.test(l));
  return `${jsDoc(`Checks the arguments of \`${op.id}\` against the spec before anything is sent.`)}
export function ${name}(${uses ? "args" : "_args"}: RequestArgs): Issue[] {
const issues: Issue[] = [];
${lines.join("\n")}
return issues;
}`;
}

function responseValidator(op: OperationModel, name: string, compiler: SchemaCompiler): string {
  const cases = op.responses
    .filter((r) => r.schema !== undefined && r.contentType !== undefined && isJsonMediaType(r.contentType))
    .map(
      (r) =>
        `case ${JSON.stringify(r.status === "default" ? r.status : r.status.toUpperCase())}: ${compiler.compile(r.schema)}(body, "", issues, true); break;`,
    );
  if (cases.length === 0) {
    return `${jsDoc(`\`${op.id}\` documents no JSON body schema to check.`)}\nexport function ${name}(_status: string, _body: unknown): Issue[] {\nreturn [];\n}`;
  }
  return `${jsDoc(`Checks a documented JSON answer of \`${op.id}\` against its schema; string enums stay open.`)}
export function ${name}(status: string, body: unknown): Issue[] {
const issues: Issue[] = [];
switch (status) {
${cases.join("\n")}
}
return issues;
}`;
}

/**
 * validators.gen.ts: per operation, a request validator (run before every call) and a
 * response validator (run with `validateResponses: true`), compiled from the spec's schemas.
 */
export function validatorsFile(
  model: ApiModel,
  names: ClientNames,
  runtimeImport: string,
): { text: string; names: ReadonlyMap<string, ValidatorNames> } {
  const compiler = new SchemaCompiler(model.componentSchemas);
  const validatorNames = new Map<string, ValidatorNames>();
  const operationFunctions = model.operations.flatMap((op) => {
    const method = names.operations.get(op.id)!.method;
    const own = { request: `${method}Request`, response: `${method}Response` };
    validatorNames.set(op.id, own);
    return [requestValidator(op, own.request, compiler), responseValidator(op, own.response, compiler)];
  });
  const imports = [
    ...compiler.usedHelpers,
    ...(operationFunctions.length > 0 ? ["type Issue", "type RequestArgs"] : []),
  ];
  const text = [
    ...(imports.length > 0
      ? [`import { ${imports.join(", ")} } from ${JSON.stringify(runtimeImport)};`]
      : ["export {};"]),
    ...compiler.statements,
    ...operationFunctions,
  ].join("\n\n");
  return { text, names: validatorNames };
}
