import type { ApiModel, OperationModel } from "../model/types.js";
import { isJsonMediaType } from "../runtime/media-types.js";
import { ARGUMENT_PLACES, type RequestRules, type RuleRef } from "../runtime/rules.js";
import { docComment } from "./comment.js";
import { Code, jsonSource, LINE_WIDTH, literal } from "./literal.js";
import { importFrom } from "./module-statements.js";
import type { ClientNames } from "./names.js";
import { RuleCompiler } from "./rule-compiler.js";

export interface ValidatorNames {
  readonly request: string;
  readonly response: string;
}

/** The table of component rules each file declares (validators.gen.ts exports its own). */
const REQUEST_RULES = "requestRules";
const RESPONSE_RULES = "responseRules";
/** The runtime function that reads a table's JSON text. */
const PARSE_RULES = "parseRules";

/** `head` + a literal + `tail`, the literal laid out in the room left on the first line. */
function statement(head: string, value: unknown, tail: string): string {
  return `${head}${literal(value, LINE_WIDTH - head.length - tail.length)}${tail}`;
}

function requestRules(op: OperationModel, compiler: RuleCompiler): RequestRules {
  const parameters = op.parameters.map((p) => ({
    in: ARGUMENT_PLACES[p.in],
    name: p.name,
    required: p.required,
    ...(p.schema === undefined ? {} : { schema: compiler.ref(p.schema) }),
  }));
  const body = op.body && {
    required: op.body.required,
    ...(op.body.schema === undefined ? {} : { schema: compiler.ref(op.body.schema) }),
  };
  return {
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.exactlyOneOf ? { exactlyOneOf: op.exactlyOneOf } : {}),
    ...(body ? { body } : {}),
  };
}

function requestValidator(op: OperationModel, name: string, compiler: RuleCompiler): string {
  return `${docComment(`Checks the arguments of \`${op.id}\` against the spec before anything is sent.`)}
${statement(`export const ${name} = requestCheck(${REQUEST_RULES}, `, requestRules(op, compiler), ");")}`;
}

function responseValidator(op: OperationModel, name: string, compiler: RuleCompiler): string {
  const schemas: [string, RuleRef][] = op.responses
    .filter((r) => r.schema !== undefined && r.contentType !== undefined && isJsonMediaType(r.contentType))
    .map((r) => [r.status === "default" ? r.status : r.status.toUpperCase(), compiler.ref(r.schema)]);
  const doc =
    schemas.length === 0
      ? `\`${op.id}\` documents no JSON body schema to check.`
      : `Checks a documented JSON answer of \`${op.id}\` against its schema; string enums stay open.`;
  return `${docComment(doc)}
${statement(`export const ${name} = responseCheck(${RESPONSE_RULES}, `, Object.fromEntries(schemas), ");")}`;
}

/**
 * A table of component rules, after the entries of the table named `extended` when given. Its
 * own entries are JSON for `parseRules` (why: `jsonSource`).
 */
function rulesTable(name: string, entries: [string, RuleRef][], extended?: string): string {
  const head = `${name === REQUEST_RULES ? "export " : ""}const ${name}: Rules = `;
  if (entries.length === 0) return `${head}${extended === undefined ? "{}" : `{ ...${extended} }`};`;
  const [open, close] =
    extended === undefined ? [`${head}${PARSE_RULES}(`, ");"] : [`${head}{ ...${extended}, ...${PARSE_RULES}(`, ") };"];
  // fromEntries defines own properties, and JSON.parse does too: a component named `__proto__`
  // stays an entry.
  return `${open}${jsonSource(Object.fromEntries(entries), LINE_WIDTH - open.length - close.length)}${close}`;
}

/** The import a file needs to read its own table: none when the table has no entries of its own. */
const parsing = (entries: readonly unknown[]): string[] => (entries.length > 0 ? [PARSE_RULES] : []);

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
 * The validators of one api, reduced from the spec's schemas to rules the runtime applies: per
 * operation a request validator (run before every call) and a response validator (run when the
 * client is given the response validators). The request ones come first, so a component both
 * use is declared once, in validators.gen.ts, and response-validators.gen.ts extends that table.
 */
export function validatorsFile(model: ApiModel, names: ClientNames, runtimeImport: string): ValidatorsFiles {
  const own = new Map(
    model.operations.map((op) => {
      const method = names.operations.get(op.id)!.method;
      return [op.id, { request: `${method}Request`, response: `${method}Response` }];
    }),
  );
  const compiler = new RuleCompiler(model.componentSchemas);
  const requests = model.operations.map((op) => requestValidator(op, own.get(op.id)!.request, compiler));
  const requestComponents = compiler.takeComponents();
  const responses = model.operations.map((op) => responseValidator(op, own.get(op.id)!.response, compiler));
  const responseComponents = compiler.takeComponents();
  const anyOperation = requests.length > 0;

  const requestText = anyOperation
    ? [
        importFrom([...parsing(requestComponents), "requestCheck", "type Rules"], runtimeImport),
        FORMAT,
        rulesTable(REQUEST_RULES, requestComponents),
        ...requests,
      ].join("\n\n")
    : "export {};";

  const extended = anyOperation && requestComponents.length > 0 ? REQUEST_RULES : undefined;
  const operations = Object.fromEntries(model.operations.map((op) => [op.id, new Code(own.get(op.id)!.response)]));
  const responseText = [
    importFrom(
      [...parsing(responseComponents), "responseCheck", "type ResponseValidators", "type Rules"].filter(
        (n) => anyOperation || n === "type ResponseValidators",
      ),
      runtimeImport,
    ),
    ...(extended ? [importFrom([extended], "./validators.gen.js")] : []),
    ...(anyOperation ? [FORMAT, rulesTable(RESPONSE_RULES, responseComponents, extended), ...responses] : []),
    `${docComment(`Pass as \`validateResponses\` to \`${names.factory}\`: each documented JSON answer is then checked against its schema, and a mismatch throws ResponseValidationError. A separate module, so a client without it does not carry it.`)}
export const ${names.responseValidators}: ResponseValidators<${JSON.stringify(model.name)}> = ${literal({ provider: model.name, operations }, LINE_WIDTH - 60)};`,
  ].join("\n\n");

  return { request: `${requestText}\n`, response: `${responseText}\n`, names: own };
}

/** Heads each table, so a reader knows how to read a rule. */
const FORMAT = [
  "// Each schema a validator checks, reduced to the keywords it checks (`Rule` in runtime/rules.ts,",
  "// applied by `checkValue`): a string is the name of a component's entry in the table, `true`",
  "// allows anything, `false` nothing. Components are listed in the order the spec first uses them.",
  "// The table is JSON, read once at import: TypeScript types a large object literal slowly in",
  "// every build, and a string at once.",
].join("\n");
