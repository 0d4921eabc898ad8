import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { loadSpec } from "../../generator/load/load-spec.js";
import { loadProject } from "../../generator/load/project.js";
import { buildModel } from "../../generator/model/build-model.js";
import { escapeSegment } from "../../generator/model/json-pointer.js";
import type { ApiModel, OperationModel } from "../../generator/model/types.js";
import { getRequestSigner } from "../../generator/runtime/signing.js";

// Both packages are CommonJS with `exports.default`; under NodeNext the default import is the
// module object, so take `.default` explicitly.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
type Ajv = InstanceType<typeof Ajv2020>;

export interface LoadedApi {
  readonly name: string;
  readonly model: ApiModel;
  /** The bundled spec: all refs local, so schemas can be validated with `components` in reach. */
  readonly document: Record<string, unknown>;
}

/** Every api of redocly.yaml, as the mocks see them. */
export async function loadApis(dir = process.cwd()): Promise<LoadedApi[]> {
  const project = await loadProject(dir);
  return Promise.all(
    project.apis.map(async (api) => {
      const spec = await loadSpec(api, project.config);
      return { name: api.name, model: buildModel(spec), document: spec.document };
    }),
  );
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Follows a local $ref chain; returns the node and the pointer it really lives at. */
function follow(document: Json, node: unknown, pointer: string): { node: unknown; pointer: string } {
  let current = node;
  let at = pointer;
  for (let hops = 0; isRecord(current) && typeof current.$ref === "string" && hops < 20; hops += 1) {
    at = current.$ref.slice(1);
    current = at
      .split("/")
      .slice(1)
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<unknown>((n, key) => (isRecord(n) ? n[key] : undefined), document);
  }
  return { node: current, pointer: at };
}

function child(document: Json, parent: { node: unknown; pointer: string }, key: string): { node: unknown; pointer: string } {
  const node = isRecord(parent.node) ? parent.node[key] : undefined;
  return follow(document, node, `${parent.pointer}/${escapeSegment(key)}`);
}

function operationNode(api: LoadedApi, operation: OperationModel): { node: unknown; pointer: string } {
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

/** A value for a parameter, from its documented example (or its schema's). */
function parameterValue(api: LoadedApi, operation: OperationModel, name: string): string {
  const op = operationNode(api, operation);
  const pathItem = follow(api.document, isRecord(api.document.paths) ? api.document.paths[operation.path] : undefined, "");
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
  throw new Error(`${api.name} ${operation.id}: parameter "${name}" has no example; document one so tests can send a valid request`);
}

/**
 * The arguments a generated client method needs for a valid request, from the documented
 * examples: required parameters plus the first name of x-exactly-one-of, and the body example.
 */
export function callArgs(api: LoadedApi, operation: OperationModel): Record<string, unknown> {
  const exactlyOne = operation.exactlyOneOf ?? [];
  const args: Record<string, Record<string, string> | unknown> = {};
  for (const p of operation.parameters.filter((q) => q.required || q.name === exactlyOne[0])) {
    const key = p.in === "header" ? "headers" : p.in;
    args[key] = { ...(args[key] as Record<string, string> | undefined), [p.name]: parameterValue(api, operation, p.name) };
  }
  const body = bodyExample(api, operation);
  if (body !== undefined) args.body = body;
  return args;
}

/** The request body the spec documents (its first example), or `{}`. */
export function bodyExample(api: LoadedApi, operation: OperationModel): unknown {
  if (operation.body === undefined) return undefined;
  const requestBody = child(api.document, operationNode(api, operation), "requestBody");
  const media = child(api.document, child(api.document, requestBody, "content"), operation.body.contentType);
  const example = firstExampleOf(api.document, media.node);
  if (example.found) return example.value;
  const schemaExample = firstExampleOf(api.document, child(api.document, media, "schema").node);
  return schemaExample.found ? schemaExample.value : {};
}

export interface MockRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Record<string, string>;
  /** Exactly the bytes sent (and signed); undefined = no body. */
  readonly body: string | undefined;
}

export interface RequestChanges {
  /** Replace the body (undefined: send none). */
  readonly body?: unknown;
  /** Query parameters to set, replacing any built ones. */
  readonly query?: Record<string, string | readonly string[]>;
  /** Query parameters to leave out. */
  readonly omitQuery?: readonly string[];
  /** Headers to add or replace. */
  readonly headers?: Record<string, string>;
  /** Credential options whose auth is left out (header, query or signature). */
  readonly omitAuth?: readonly string[];
  /** Sign with this credential option's secret instead of the scheme's own. */
  readonly signWith?: string;
}

/**
 * A request the spec allows, built from the model and the documented examples: required
 * parameters, the first name of x-exactly-one-of, credentials with their prefix, and the
 * signature over the exact body sent.
 */
export function buildRequest(
  api: LoadedApi,
  operation: OperationModel,
  baseUrl: string,
  secrets: Readonly<Record<string, string>>,
  changes: RequestChanges = {},
): MockRequest {
  const exactlyOne = operation.exactlyOneOf ?? [];
  const sent = operation.parameters.filter((p) => p.required || p.name === exactlyOne[0]);
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(parameterValue(api, operation, name)));
  const url = new URL(baseUrl.replace(/\/$/, "") + path);
  const headers: Record<string, string> = {};
  for (const p of sent) {
    if (p.in === "query") url.searchParams.set(p.name, parameterValue(api, operation, p.name));
    if (p.in === "header") headers[p.name] = parameterValue(api, operation, p.name);
  }
  for (const name of changes.omitQuery ?? []) url.searchParams.delete(name);
  for (const [name, value] of Object.entries(changes.query ?? {})) {
    url.searchParams.delete(name);
    for (const v of typeof value === "string" ? [value] : value) url.searchParams.append(name, v);
  }

  const value = "body" in changes ? changes.body : bodyExample(api, operation);
  const body = value === undefined ? undefined : typeof value === "string" ? value : JSON.stringify(value);
  if (body !== undefined) headers["content-type"] = operation.body?.contentType ?? "application/json";

  const secret = (option: string): string => {
    const found = secrets[option];
    if (found === undefined) throw new Error(`no mock secret for credential option "${option}"`);
    return found;
  };
  for (const auth of operation.security[0] ?? []) {
    if (changes.omitAuth?.includes(auth.option)) continue;
    if (auth.kind === "signature") {
      headers[auth.name.toLowerCase()] = getRequestSigner(auth.algorithm)(body ?? "", secret(changes.signWith ?? auth.option));
    } else if (auth.in === "header") {
      headers[auth.name.toLowerCase()] = auth.prefix + secret(auth.option);
    } else if (auth.in === "query") {
      url.searchParams.set(auth.name, auth.prefix + secret(auth.option));
    } else {
      headers.cookie = [headers.cookie, `${auth.name}=${auth.prefix}${secret(auth.option)}`].filter(Boolean).join("; ");
    }
  }
  Object.assign(headers, changes.headers);
  return { method: operation.method.toUpperCase(), url, headers, body };
}

export interface MockAnswer {
  readonly status: number;
  readonly contentType: string | null;
  readonly text: string;
  /** The parsed body, or undefined when it is empty or not JSON. */
  readonly json: unknown;
}

export async function send(request: MockRequest): Promise<MockAnswer> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get("content-type"), text, json };
}

/** Validators of documented response bodies, compiled against the bundled spec. */
export function responseValidators(api: LoadedApi): (operation: OperationModel, status: string) => (body: unknown) => string[] {
  const ajv: Ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const id = `urn:payspec:${api.name}`;
  ajv.addSchema(api.document, id);
  return (operation, status) => {
    const response = child(api.document, child(api.document, operationNode(api, operation), "responses"), status);
    const contentType = operation.responses.find((r) => r.status === status)?.contentType;
    if (contentType === undefined) return (body) => (body === undefined ? [] : ["expected no body"]);
    const schema = child(api.document, child(api.document, response, "content"), contentType);
    const validate = ajv.compile({ $ref: `${id}#${schema.pointer}/schema` });
    return (body) => (validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`));
  };
}
