// Writes the type-check workload of benchmark 2: one call per operation of a spec, once through
// our generated client (`client.<operationId>({ path, query, headers, cookie, body })`) and once
// through openapi-fetch over openapi-typescript's types (`client.GET("/path", { params, body })`).
// The arguments are literal values derived from the spec (every required parameter and, when
// the operation has one, the body, each with a minimal schema-valid value), so both sides do
// the same contextual typing and excess-property checks a user's code would trigger. Each
// result is narrowed to its success and its data used, so the response types are resolved too.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { RESOLUTIONS, STRICT } from "../../test/helpers/tsc.js";

type Node = Record<string, unknown>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface SpecOperation {
  readonly method: (typeof METHODS)[number];
  readonly path: string;
  /** Required parameters by location (path, query, header, cookie): name → value. */
  readonly params: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** The body value (first media type of the request body), when the operation has a body. */
  readonly body?: unknown;
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads a spec with local `$ref`s only (the corpus specs used here have no others). */
export class SpecReader {
  readonly doc: Node;
  constructor(file: string) {
    const doc: unknown = parse(readFileSync(file, "utf8"), { maxAliasCount: -1 });
    if (!isNode(doc)) throw new Error(`${file}: not an OpenAPI document`);
    this.doc = doc;
  }

  deref(value: unknown): unknown {
    let node = value;
    for (let hops = 0; isNode(node) && typeof node.$ref === "string"; hops++) {
      const ref = node.$ref;
      if (!ref.startsWith("#/") || hops > 50) throw new Error(`unsupported $ref ${ref}`);
      node = ref
        .slice(2)
        .split("/")
        .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce<unknown>((at, key) => (isNode(at) ? at[decodeURIComponent(key)] : undefined), this.doc);
      if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
    }
    return node;
  }

  /** A minimal value of the schema: required properties only, first enum/oneOf/anyOf choice. */
  minimal(schema: unknown, depth = 0): unknown {
    const s = this.deref(schema);
    if (!isNode(s) || depth > 20) return {};
    if ("const" in s) return s.const;
    if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum.find((v) => v !== null) ?? s.enum[0];
    const own = this.objectPart(s, depth);
    if (Array.isArray(s.allOf)) {
      const parts = s.allOf.map((part) => this.minimal(part, depth + 1));
      if (parts.every(isNode)) return Object.assign({}, ...parts, own);
      return parts.find((p) => !isNode(p));
    }
    for (const key of ["oneOf", "anyOf"] as const) {
      const options = s[key];
      if (Array.isArray(options) && options.length > 0) {
        const choice = options.find((o) => !this.isNull(o)) ?? options[0];
        const value = this.minimal(choice, depth + 1);
        return isNode(value) && own !== undefined ? { ...value, ...own } : value;
      }
    }
    const types = Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type];
    const type = types.find((t) => t !== "null") ?? types[0] ?? (own !== undefined ? "object" : undefined);
    switch (type) {
      case "string":
        return "x";
      case "integer":
      case "number":
        return typeof s.minimum === "number" ? s.minimum : 0;
      case "boolean":
        return false;
      case "null":
        return null;
      case "array":
        return [];
      case "object":
        return own ?? {};
      default:
        return {};
    }
  }

  private isNull(schema: unknown): boolean {
    const s = this.deref(schema);
    return isNode(s) && (s.type === "null" || (Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === null));
  }

  /** The required properties of an object schema, or undefined when it declares none. */
  private objectPart(s: Node, depth: number): Node | undefined {
    if (!Array.isArray(s.required) && !isNode(s.properties)) return undefined;
    const props = isNode(s.properties) ? s.properties : {};
    const out: Node = {};
    for (const name of Array.isArray(s.required) ? s.required : []) {
      if (typeof name !== "string") continue;
      const prop = props[name] ?? (isNode(s.additionalProperties) ? s.additionalProperties : {});
      out[name] = this.minimal(prop, depth + 1);
    }
    // openapi-typescript (defaultNonNullable) makes a property with a default required in
    // component schemas; its default is a valid value, so it is always given.
    for (const [name, prop] of Object.entries(props)) {
      if (!(name in out) && isNode(prop) && prop.default !== undefined) out[name] = prop.default;
    }
    return out;
  }

  private parameterValue(param: Node): unknown {
    if (param.schema !== undefined) return this.minimal(param.schema);
    if (isNode(param.content)) {
      const first = Object.values(param.content)[0];
      if (isNode(first)) return this.minimal(first.schema);
    }
    return "x";
  }

  operations(): SpecOperation[] {
    const paths = isNode(this.doc.paths) ? this.doc.paths : {};
    const out: SpecOperation[] = [];
    for (const [route, rawItem] of Object.entries(paths)) {
      const item = this.deref(rawItem);
      if (!isNode(item)) continue;
      const shared = Array.isArray(item.parameters) ? item.parameters : [];
      for (const method of METHODS) {
        const op = item[method];
        if (!isNode(op)) continue;
        const merged = new Map<string, Node>();
        for (const raw of [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])]) {
          const param = this.deref(raw);
          if (isNode(param) && typeof param.name === "string" && typeof param.in === "string")
            merged.set(`${param.in}:${param.name}`, param);
        }
        const params: Record<string, Record<string, unknown>> = {};
        for (const param of merged.values()) {
          if (param.in !== "path" && param.required !== true) continue;
          params[param.in as string] ??= {};
          params[param.in as string]![param.name as string] = this.parameterValue(param);
        }
        const body = this.deref(op.requestBody);
        const media = isNode(body) && isNode(body.content) ? Object.values(body.content)[0] : undefined;
        out.push({ method, path: route, params, ...(isNode(media) ? { body: this.minimal(media.schema) } : {}) });
      }
    }
    return out;
  }
}

/** Method name per "METHOD path", read from our generated client (`const <m>Operation: OperationSpec = {…};`, on one line or several). */
export function ourMethods(clientFile: string): { factory: string; methods: Map<string, string> } {
  const text = readFileSync(clientFile, "utf8");
  const factory = /export function (create\w+)\(/.exec(text)?.[1];
  if (factory === undefined) throw new Error(`${clientFile}: no create…Client factory`);
  const methods = new Map<string, string>();
  for (const match of text.matchAll(/^const (\w+)Operation: OperationSpec = ([\s\S]*?);$/gm)) {
    const literal = match[2]!;
    const method = /\bmethod: "([A-Z]+)"/.exec(literal)?.[1];
    const route = /\bpath: ("(?:[^"\\]|\\.)*")/.exec(literal)?.[1];
    if (method === undefined || route === undefined) throw new Error(`${clientFile}: cannot read ${match[1]}Operation`);
    methods.set(`${method} ${JSON.parse(route) as string}`, match[1]!);
  }
  if (methods.size === 0) throw new Error(`${clientFile}: no operations found`);
  return { factory, methods };
}

const LOCATIONS = { path: "path", query: "query", header: "headers", cookie: "cookie" } as const;

const HEADER = `// Generated by bench/lib/calls.ts: one call per operation, for \`tsc --noEmit\` timing.\ndeclare function use(value: unknown): void;\n`;

/** calls.ts for our client, next to its index.ts. Returns the number of calls. */
export function writeOurCalls(spec: SpecReader, outDir: string): number {
  const { factory, methods } = ourMethods(path.join(outDir, "client.gen.ts"));
  const blocks: string[] = [];
  for (const op of spec.operations()) {
    const name = methods.get(`${op.method.toUpperCase()} ${op.path}`);
    if (name === undefined) throw new Error(`no client method for ${op.method.toUpperCase()} ${op.path}`);
    const parts: string[] = [];
    for (const [location, key] of Object.entries(LOCATIONS)) {
      const values = op.params[location];
      if (values !== undefined && Object.keys(values).length > 0) parts.push(`${key}: ${JSON.stringify(values)}`);
    }
    if ("body" in op) parts.push(`body: ${JSON.stringify(op.body)}`);
    const args = parts.length === 0 ? "" : `{ ${parts.join(", ")} }`;
    blocks.push(`  {\n    const r = await client.${name}(${args});\n    if (r.ok) use(r.data);\n  }`);
  }
  writeFileSync(
    path.join(outDir, "calls.ts"),
    `${HEADER}import type { ${factory} } from "./index.js";\n\ndeclare const client: ReturnType<typeof ${factory}>;\n\nexport async function callAll(): Promise<void> {\n${blocks.join("\n")}\n}\n`,
  );
  return blocks.length;
}

/** calls.ts for openapi-fetch over openapi-typescript's `paths` in ./schema.js. Returns the number of calls. */
export function writeOpenapiFetchCalls(spec: SpecReader, outDir: string): number {
  const blocks: string[] = [];
  for (const op of spec.operations()) {
    const params: string[] = [];
    for (const location of Object.keys(LOCATIONS)) {
      const values = op.params[location];
      if (values !== undefined && Object.keys(values).length > 0) params.push(`${location}: ${JSON.stringify(values)}`);
    }
    const parts = [
      ...(params.length > 0 ? [`params: { ${params.join(", ")} }`] : []),
      ...("body" in op ? [`body: ${JSON.stringify(op.body)}`] : []),
    ];
    const init = parts.length === 0 ? "" : `, { ${parts.join(", ")} }`;
    blocks.push(
      `  {\n    const r = await client.${op.method.toUpperCase()}(${JSON.stringify(op.path)}${init});\n    if (r.data !== undefined) use(r.data);\n  }`,
    );
  }
  writeFileSync(
    path.join(outDir, "calls.ts"),
    `${HEADER}import type { Client } from "openapi-fetch";\nimport type { paths } from "./schema.js";\n\ndeclare const client: Client<paths>;\n\nexport async function callAll(): Promise<void> {\n${blocks.join("\n")}\n}\n`,
  );
  return blocks.length;
}

/** The strict settings of test/compile (skipLibCheck on: .d.ts of dependencies are the same on both sides). */
export function writeStrictTsconfig(dir: string, repo: string): string {
  const file = path.join(dir, "tsconfig.json");
  // The same strict settings as the tests' compile checks (typeRoots from this repo).
  const compilerOptions = { ...STRICT, ...RESOLUTIONS.NodeNext, typeRoots: [path.join(repo, "node_modules/@types")] };
  writeFileSync(file, `${JSON.stringify({ compilerOptions, files: ["calls.ts"] }, null, 2)}\n`);
  writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ type: "module", private: true })}\n`);
  return file;
}
