import type { ApiModel, OperationModel, ParameterModel } from "../model/types.js";
import { isJsonMediaType } from "../runtime/media-types.js";
import { segment } from "../runtime/validation.js";
import { call, docComment, fits, guarded, SchemaCompiler } from "./validator-compiler.js";
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

const LOCATION_NAMES: Record<ParameterModel["in"], string> = {
  path: "Path",
  query: "Query",
  header: "Header",
  cookie: "Cookie",
};

/**
 * Checks `value` with `validator` when present, and reports it missing when `required`: one
 * line each (`if`, then `else`) when they fit, blocks otherwise.
 */
function presence(value: string, where: string, required: boolean, validator: string | undefined): string[] {
  const check = (depth: number) =>
    validator === undefined
      ? []
      : call(
          validator,
          [
            [value, where],
            ["issues", "false"],
          ],
          depth,
        );
  const missing = `issues.push({ pointer: ${where}, message: "is required" });`;
  const flat = check(1);
  const one = flat.length === 1 ? flat[0]! : undefined;
  if (!required) {
    if (validator === undefined) return [];
    const line = `if (${value} !== undefined) ${one}`;
    return one !== undefined && fits(line, 1) ? [line] : [`if (${value} !== undefined) {`, ...check(2), "}"];
  }
  if (validator === undefined) return guarded(`${value} === undefined`, missing, 1);
  const ifMissing = `if (${value} === undefined) ${missing}`;
  return one !== undefined && fits(ifMissing, 1) && fits(`else ${one}`, 1)
    ? [ifMissing, `else ${one}`]
    : [`if (${value} === undefined) {`, missing, "} else {", ...check(2), "}"];
}

function requestValidator(op: OperationModel, method: string, name: string, compiler: SchemaCompiler): string {
  const lines: string[] = [];
  const locations = [...new Set(op.parameters.map((p) => p.in))];
  for (const location of locations) {
    lines.push(`const ${location} = (args.${ARG_KEYS[location]} ?? {}) as Record<string, unknown>;`);
  }
  for (const p of op.parameters) {
    const where = JSON.stringify(`/${ARG_KEYS[p.in]}${segment(p.name)}`);
    const value = `${p.in}[${JSON.stringify(p.name)}]`;
    const validator =
      p.schema === undefined ? undefined : compiler.compile(p.schema, `${method}${LOCATION_NAMES[p.in]}_${p.name}`);
    lines.push(...presence(value, where, p.required, validator));
  }
  if (op.exactlyOneOf) {
    const names = op.exactlyOneOf;
    const byName = new Map(op.parameters.map((p) => [p.name, p.in]));
    const present = names.map((n) => `${byName.get(n) ?? "query"}[${JSON.stringify(n)}] !== undefined`).join(", ");
    const where = JSON.stringify(`/${ARG_KEYS[byName.get(names[0]!) ?? "query"]}`);
    const message = JSON.stringify(`needs exactly one of ${names.join(", ")} (x-exactly-one-of)`);
    lines.push(
      ...guarded(
        `[${present}].filter(Boolean).length !== 1`,
        `issues.push({ pointer: ${where}, message: ${message} });`,
        1,
      ),
    );
  }
  if (op.body) {
    const validator = op.body.schema === undefined ? undefined : compiler.compile(op.body.schema, `${method}Body`);
    lines.push(...presence("args.body", `"/body"`, op.body.required, validator));
  }
  const uses = lines.some((l) => /\bargs\b/.test(l));
  return `${docComment(`Checks the arguments of \`${op.id}\` against the spec before anything is sent.`)}
export function ${name}(${uses ? "args" : "_args"}: RequestArgs): Issue[] {
const issues: Issue[] = [];
${lines.join("\n")}
return issues;
}`;
}

function responseValidator(op: OperationModel, method: string, name: string, compiler: SchemaCompiler): string {
  const cases = op.responses
    .filter((r) => r.schema !== undefined && r.contentType !== undefined && isJsonMediaType(r.contentType))
    .map((r) => {
      const status = r.status === "default" ? r.status : r.status.toUpperCase();
      const validator = compiler.compile(r.schema, `${method}Response${status === "default" ? "Default" : status}`);
      const label = `case ${JSON.stringify(status)}:`;
      const line = `${label} ${validator}(body, "", issues, true); break;`;
      // Braced when too long, so the indentation follows the statements.
      if (fits(line, 2)) return line;
      return [`${label} {`, ...call(validator, [["body", '""', "issues", "true"]], 3), "break;", "}"].join("\n");
    });
  if (cases.length === 0) {
    return `${docComment(`\`${op.id}\` documents no JSON body schema to check.`)}\nexport function ${name}(_status: string, _body: unknown): Issue[] {\nreturn [];\n}`;
  }
  return `${docComment(`Checks a documented JSON answer of \`${op.id}\` against its schema; string enums stay open.`)}
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
  // The operation-level names come first (client.gen.ts imports them), so no schema takes one.
  const own = new Map(
    model.operations.map((op) => {
      const method = names.operations.get(op.id)!.method;
      return [op.id, { method, request: `${method}Request`, response: `${method}Response` }];
    }),
  );
  const compiler = new SchemaCompiler(
    model.componentSchemas,
    [...own.values()].flatMap((n) => [n.request, n.response]),
  );
  const validatorNames = new Map<string, ValidatorNames>();
  const operationFunctions = model.operations.flatMap((op) => {
    const { method, request, response } = own.get(op.id)!;
    validatorNames.set(op.id, { request, response });
    return [requestValidator(op, method, request, compiler), responseValidator(op, method, response, compiler)];
  });
  const imports = [
    ...compiler.usedHelpers,
    ...(operationFunctions.length > 0 ? ["type Issue", "type RequestArgs"] : []),
  ];
  const from = JSON.stringify(runtimeImport);
  const importLine = `import { ${imports.join(", ")} } from ${from};`;
  const text = [
    ...(imports.length === 0
      ? ["export {};"]
      : [fits(importLine, 0) ? importLine : `import {\n${imports.map((i) => `${i},`).join("\n")}\n} from ${from};`]),
    ...(compiler.statements.length === 0 ? [] : [SHARING]),
    ...compiler.statements,
    ...operationFunctions,
  ].join("\n\n");
  return { text, names: validatorNames };
}

/**
 * Heads the schema validators, so a reader knows why one place calls a function named after
 * another. Each line keeps its brackets and quotes balanced: indentCode counts them, in comments too.
 */
const SHARING = [
  "// Each validator is named after what it checks: a component schema by its own name, an inline",
  "// schema by the place it is first met: `<owner>_<property>`, `_item`, `_value`, `_anyOf1`,",
  "// `<method>Body`, `<method>Query_<name>`, `<method>Response200`. Structurally equal inline",
  "// schemas share one function, named after the first place met: a later place, a property of",
  "// another name say, calls that function under the name of the first place. Names follow the",
  "// order of the spec, so the same spec always gives the same names.",
].join("\n");
