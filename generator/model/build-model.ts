import { optionType } from "../extensions/x-client-option.js";
import { createDeref } from "../spec/deref.js";
import { HTTP_METHODS } from "../spec/methods.js";
import { schemaProperties } from "../spec/schema-pointer.js";
import { parseXRequestId } from "../extensions/x-request-id.js";
import { asRecord } from "../runtime/records.js";
import { createFail, type ModelContext, unwrap } from "./context.js";
import { pascalCase } from "../spec/names.js";
import { transformOperation } from "./operation.js";
import { checkPointerName, checkReferences } from "./refs.js";
import { normalizeSchema } from "./schemas.js";
import type { ApiModel, ClientOption, CredentialOption, OperationModel } from "./types.js";
import { transformWebhooks } from "./webhooks.js";

/** What the model reads of a loaded spec (a LoadedSpec, or a bundled document shipped with the mocks). */
export interface BundledSpec {
  readonly name: string;
  readonly file: string;
  readonly document: Record<string, unknown>;
  readonly displayPath?: string;
}

/**
 * The options `x-client-option` declares, typed by the first field each fills. One option fills
 * fields of one type, and never shares a name with a credential.
 */
function collectClientOptions(
  operations: readonly OperationModel[],
  credentials: ReadonlyMap<string, CredentialOption>,
  ctx: ModelContext,
): ClientOption[] {
  const options = new Map<string, ClientOption>();
  for (const op of operations) {
    for (const field of op.defaults ?? []) {
      const parameter = op.parameters.find((p) => p.in === field.in && p.name === field.name);
      const schema = field.in === "body" ? schemaProperties(op.body?.schema, ctx.deref)[field.name] : parameter?.schema;
      const description = field.in === "body" ? asRecord(ctx.deref(schema))?.description : parameter?.description;
      const type = optionType(schema, ctx.deref);
      const at = ["paths", op.path, op.method];
      if (credentials.has(field.option))
        ctx.fail(
          at,
          `x-client-option "${field.option}" (${field.in} ${field.name}) is also a credential option; choose another name`,
        );
      const known = options.get(field.option);
      if (known === undefined)
        options.set(field.option, {
          option: field.option,
          type,
          ...(typeof description === "string" ? { description } : {}),
        });
      else if (known.type !== type)
        ctx.fail(
          at,
          `x-client-option "${field.option}" fills a ${type} here (${field.in} ${field.name}) but a ${known.type} elsewhere; one option fills fields of one type`,
        );
    }
  }
  return [...options.values()];
}

/** Response headers marked `x-request-id` anywhere in the document (responses, components). */
function collectRequestIdHeaders(ctx: ModelContext): string[] {
  const names = new Set<string>();
  const visit = (node: unknown, path: (string | number)[]): void => {
    const record = asRecord(node);
    if (!record) return;
    const headers = asRecord(record.headers);
    for (const [name, raw] of Object.entries(headers ?? {})) {
      const header = asRecord(ctx.deref(raw));
      if (
        header?.["x-request-id"] !== undefined &&
        unwrap(parseXRequestId(header["x-request-id"]), [...path, "headers", name, "x-request-id"], ctx)
      )
        names.add(name.toLowerCase());
    }
    for (const [key, child] of Object.entries(record)) if (typeof child === "object") visit(child, [...path, key]);
  };
  visit(ctx.document.paths, ["paths"]);
  visit(asRecord(ctx.document.components)?.responses, ["components", "responses"]);
  return [...names];
}

/** The pure step of the pipeline: bundled spec in, plain operation list out. */
export function buildModel(spec: BundledSpec): ApiModel {
  const { document } = spec;
  const shown = spec.displayPath ?? spec.file;
  const ctx: ModelContext = { file: shown, document, deref: createDeref(document), fail: createFail(shown) };
  const info = asRecord(document.info) ?? ctx.fail(["info"], "the spec needs an info object with a title");
  const title = typeof info.title === "string" ? info.title : ctx.fail(["info", "title"], "the spec needs info.title");
  const clientName = pascalCase(typeof info["x-client-name"] === "string" ? info["x-client-name"] : title);

  checkReferences(ctx);
  const operations = Object.entries(asRecord(document.paths) ?? {}).flatMap(([path, rawItem]) => {
    checkPointerName(path, ["paths", path], "path", ctx);
    const pathItem = asRecord(ctx.deref(rawItem)) ?? {};
    return HTTP_METHODS.filter((m) => asRecord(pathItem[m])).map((method) =>
      transformOperation(path, method, pathItem, asRecord(pathItem[method])!, ctx),
    );
  });
  const seen = new Map<string, string>();
  for (const op of operations) {
    const other = seen.get(op.id);
    if (other !== undefined) {
      ctx.fail(
        ["paths", op.path, op.method, "operationId"],
        `operationId "${op.id}" is also used at ${other}; operationIds must be unique`,
      );
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

  const clientOptions = collectClientOptions(operations, credentials, ctx);
  const schemas = asRecord(asRecord(document.components)?.schemas) ?? {};
  const server = Array.isArray(document.servers) ? asRecord(document.servers[0]) : undefined;
  return {
    name: spec.name,
    clientName,
    title,
    ...(typeof info.description === "string" ? { description: info.description } : {}),
    baseUrl: typeof server?.url === "string" ? server.url.replace(/\/$/, "") : "",
    credentials: [...credentials.values()],
    clientOptions,
    requestIdHeaders: collectRequestIdHeaders(ctx),
    operations,
    webhooks: transformWebhooks(ctx),
    schemaNames: Object.keys(schemas).sort(),
    componentSchemas: Object.fromEntries(
      Object.keys(schemas)
        .sort()
        .map((name) => [name, normalizeSchema(schemas[name], ctx)]),
    ),
    enumSchemas: Object.keys(schemas)
      .sort()
      .flatMap((name) => {
        const values = asRecord(ctx.deref(schemas[name]))?.enum;
        const strings = Array.isArray(values) ? values.filter((v): v is string => typeof v === "string") : [];
        return strings.length >= 2 ? [{ name, values: strings }] : [];
      }),
  };
}
