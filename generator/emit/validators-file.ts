import type { ApiModel, OperationModel, ParameterModel } from "../model/types.js";
import { isJsonMediaType } from "../runtime/media-types.js";
import { segment } from "../runtime/validation.js";
import { Code, LINE_WIDTH, literal } from "./literal.js";
import { importFrom } from "./module-statements.js";
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
 * The names a piece of generated code refers to, among `known`. Strings and comments are left
 * out first: an enum value, a pattern or a doc line may spell a validator's name.
 */
function referenced(code: string, known: Iterable<string>): string[] {
  const bare = code.replace(/"(?:[^"\\]|\\.)*"|\/\*[\s\S]*?\*\/|\/\/.*$/gm, " ");
  const words = new Set(bare.match(/[A-Za-z_$][\w$]*/g) ?? []);
  return [...known].filter((name) => words.has(name)).sort();
}

export interface ValidatorsFiles {
  /** validators.gen.ts: the request validators, which client.gen.ts imports. */
  readonly request: string;
  /**
   * response-validators.gen.ts: the response validators, a separate entry the client never
   * imports, so an app that does not validate answers does not carry them.
   */
  readonly response: string;
  readonly names: ReadonlyMap<string, ValidatorNames>;
}

/**
 * The validators of one api, compiled from the spec's schemas: per operation a request
 * validator (run before every call) and a response validator (run when the client is given
 * the response validators). The request ones come first, so a schema both use is compiled
 * once, in validators.gen.ts, and response-validators.gen.ts imports it from there.
 */
export function validatorsFile(model: ApiModel, names: ClientNames, runtimeImport: string): ValidatorsFiles {
  // The operation-level names come first (the clients import them), so no schema takes one.
  const own = new Map(
    model.operations.map((op) => {
      const method = names.operations.get(op.id)!.method;
      return [op.id, { method, request: `${method}Request`, response: `${method}Response` }];
    }),
  );
  const compiler = new SchemaCompiler(
    model.componentSchemas,
    [...own.values()].flatMap((n) => [n.request, n.response, names.responseValidators]),
  );
  const requests = model.operations.map((op) => {
    const { method, request } = own.get(op.id)!;
    return requestValidator(op, method, request, compiler);
  });
  const requestUnits = compiler.statements;
  const requestHelpers = compiler.usedHelpers;
  const responses = model.operations.map((op) => {
    const { method, response } = own.get(op.id)!;
    return responseValidator(op, method, response, compiler);
  });
  const responseUnits = compiler.statements.slice(requestUnits.length);

  const requestText = [
    ...(requestHelpers.length === 0 && requests.length === 0
      ? ["export {};"]
      : [
          importFrom(
            [...requestHelpers, ...(requests.length > 0 ? ["type Issue", "type RequestArgs"] : [])],
            runtimeImport,
          ),
        ]),
    ...(requestUnits.length === 0 ? [] : [SHARING]),
    ...requestUnits,
    ...requests,
  ].join("\n\n");

  const responseCode = [...responseUnits, ...responses].join("\n");
  const shared = referenced(
    responseCode,
    requestUnits.flatMap((unit) => [...unit.matchAll(/^export function (\w+)/gm)].map((m) => m[1]!)),
  );
  const operations = Object.fromEntries(model.operations.map((op) => [op.id, new Code(own.get(op.id)!.response)]));
  const responseText = [
    importFrom(
      [
        ...referenced(responseCode, compiler.usedHelpers),
        ...(responses.length > 0 ? ["type Issue"] : []),
        "type ResponseValidators",
      ],
      runtimeImport,
    ),
    ...(shared.length === 0 ? [] : [importFrom(shared, "./validators.gen.js")]),
    ...(responseUnits.length === 0 ? [] : [SHARING]),
    ...responseUnits,
    ...responses,
    `${docComment(`Pass as \`validateResponses\` to \`${names.factory}\`: each documented JSON answer is then checked against its schema, and a mismatch throws ResponseValidationError. A separate module, so a client without it does not carry it.`)}
export const ${names.responseValidators}: ResponseValidators<${JSON.stringify(model.name)}> = ${literal({ provider: model.name, operations }, LINE_WIDTH - 60)};`,
  ].join("\n\n");

  return {
    request: requestText,
    response: responseText,
    names: new Map([...own].map(([id, { request, response }]) => [id, { request, response }])),
  };
}

/**
 * Heads the schema validators, so a reader knows why one place calls a function named after
 * another.
 */
const SHARING = [
  "// Each validator is named after what it checks: a component schema by its own name, an inline",
  "// schema by the place it is first met: `<owner>_<property>`, `_item`, `_value`, `_anyOf1`,",
  "// `<method>Body`, `<method>Query_<name>`, `<method>Response200`. Structurally equal inline",
  "// schemas share one function, named after the first place met: a later place, a property of",
  "// another name say, calls that function under the name of the first place. Names follow the",
  "// order of the spec, so the same spec always gives the same names.",
].join("\n");
