import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { standaloneConfig } from "../../generator/load/project.js";
import type { OperationModel } from "../../generator/model/types.js";
import { generate } from "../../generator/pipeline.js";
import { getRequestSigner } from "../../generator/runtime/signing.js";
import { SINGLE_LAYOUT } from "../../generator/emit/layout.js";
import { diffOutput, writeOutput } from "../../generator/write/output.js";
import { bodyExample, child, exampleArgs, operationNode, parameterValue } from "../../mock/examples.js";
import { REPO } from "../helpers/temp-project.js";
import { FIXTURES, type LoadedApi } from "./fixture-specs.js";

// Both packages are CommonJS with `exports.default`; under NodeNext the default import is the
// module object, so take `.default` explicitly.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
type Ajv = InstanceType<typeof Ajv2020>;

export { FIXTURES, fixtureSpecs, type LoadedApi, loadApis } from "./fixture-specs.js";

/**
 * Generates the client of a fixture spec into `out` (by default below `node_modules/.cache`,
 * where its imports resolve) and returns the folder; import its index.ts.
 */
export async function fixtureClient(
  name: string,
  out = path.join(REPO, "node_modules", ".cache", "payspec-mock-fixtures", name),
): Promise<string> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await generate(
    [{ name, root: path.join(FIXTURES, `${name}.yaml`) }],
    await standaloneConfig(),
    REPO,
    SINGLE_LAYOUT,
  );
  await writeOutput(
    out,
    result.files,
    await diffOutput(
      { outDir: out, owned: ["", SINGLE_LAYOUT.runtimeDir], recursive: false, allowOtherFiles: false },
      result.files,
    ),
  );
  return out;
}

/** The arguments a generated client method needs for a valid request (see mock/examples.ts). */
export const callArgs = exampleArgs;

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
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(parameterValue(api, operation, name)),
  );
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
      headers[auth.name.toLowerCase()] = getRequestSigner(auth.algorithm)(
        body ?? "",
        secret(changes.signWith ?? auth.option),
      );
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
export function responseValidators(
  api: LoadedApi,
): (operation: OperationModel, status: string) => (body: unknown) => string[] {
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
    return (body) =>
      validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
  };
}
