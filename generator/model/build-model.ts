import { asRecord, createFail, type ModelContext } from "./context.js";
import { createDeref } from "./json-pointer.js";
import { pascalCase } from "./names.js";
import { transformOperation } from "./operation.js";
import { normalizeSchema } from "./schemas.js";
import type { ApiModel, CredentialOption, HttpMethod } from "./types.js";
import { transformWebhooks } from "./webhooks.js";

const METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** What the model reads of a loaded spec (a LoadedSpec, or a bundled document shipped with the mocks). */
export interface BundledSpec {
  readonly name: string;
  readonly file: string;
  readonly document: Record<string, unknown>;
  readonly displayPath?: string;
}

/** The pure step of the pipeline: bundled spec in, plain operation list out. */
export function buildModel(spec: BundledSpec): ApiModel {
  const { document } = spec;
  const shown = spec.displayPath ?? spec.file;
  const ctx: ModelContext = { file: shown, document, deref: createDeref(document), fail: createFail(shown) };
  const info = asRecord(document.info) ?? ctx.fail(["info"], "the spec needs an info object with a title");
  const title = typeof info.title === "string" ? info.title : ctx.fail(["info", "title"], "the spec needs info.title");
  const clientName = pascalCase(typeof info["x-client-name"] === "string" ? info["x-client-name"] : title);

  const operations = Object.entries(asRecord(document.paths) ?? {}).flatMap(([path, rawItem]) => {
    const pathItem = asRecord(ctx.deref(rawItem)) ?? {};
    return METHODS.filter((m) => asRecord(pathItem[m])).map((method) =>
      transformOperation(path, method, pathItem, asRecord(pathItem[method])!, ctx),
    );
  });
  const seen = new Map<string, string>();
  for (const op of operations) {
    const other = seen.get(op.id);
    if (other !== undefined) {
      ctx.fail(["paths", op.path, op.method, "operationId"], `operationId "${op.id}" is also used at ${other}; operationIds must be unique`);
    }
    seen.set(op.id, op.pointer);
  }

  const credentials = new Map<string, CredentialOption>();
  const schemes = asRecord(asRecord(document.components)?.securitySchemes) ?? {};
  for (const auth of operations.flatMap((op) => op.security.flat())) {
    if (credentials.has(auth.option)) continue;
    const scheme = asRecord(ctx.deref(schemes[auth.scheme]));
    const extension = asRecord(scheme?.[auth.kind === "signature" ? "x-signature" : "x-credential"]);
    const description = extension?.description ?? scheme?.description;
    credentials.set(auth.option, { option: auth.option, ...(typeof description === "string" ? { description } : {}) });
  }

  const schemas = asRecord(asRecord(document.components)?.schemas) ?? {};
  const server = Array.isArray(document.servers) ? asRecord(document.servers[0]) : undefined;
  return {
    name: spec.name,
    clientName,
    title,
    ...(typeof info.description === "string" ? { description: info.description } : {}),
    baseUrl: typeof server?.url === "string" ? server.url.replace(/\/$/, "") : "",
    credentials: [...credentials.values()],
    operations,
    webhooks: transformWebhooks(ctx),
    schemaNames: Object.keys(schemas).sort(),
    componentSchemas: Object.fromEntries(Object.keys(schemas).sort().map((name) => [name, normalizeSchema(schemas[name], ctx)])),
    enumSchemas: Object.keys(schemas)
      .sort()
      .flatMap((name) => {
        const values = asRecord(ctx.deref(schemas[name]))?.enum;
        const strings = Array.isArray(values) ? values.filter((v): v is string => typeof v === "string") : [];
        return strings.length >= 2 ? [{ name, values: strings }] : [];
      }),
  };
}
