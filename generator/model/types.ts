import type { XBatch } from "../extensions/x-batch.js";
import type { ClientDefault } from "../extensions/x-client-option.js";
import type { HttpMethod } from "../spec/methods.js";
import type { AuthSpec } from "../runtime/types.js";
import type { XPagination } from "../extensions/x-pagination.js";
import type { WebhookModel } from "./webhooks.js";

/** What the emitters see of one spec. Plain data, built by a pure function from the bundled spec. */
export interface ApiModel {
  /** The `apis:` key in redocly.yaml, or the --spec file's base name. */
  readonly name: string;
  /** PascalCase name used in `create<ClientName>Client`, from `info.x-client-name` or `info.title`. */
  readonly clientName: string;
  readonly title: string;
  readonly description?: string;
  /** `servers[0].url`, the default base URL. */
  readonly baseUrl: string;
  /** Every client option that holds a secret or identity, in first-use order. */
  readonly credentials: readonly CredentialOption[];
  /** Response headers the spec marks with `x-request-id` (the answer's id), in first-use order. */
  readonly requestIdHeaders: readonly string[];
  /** Client options that fill request fields calls leave out (`x-client-option`), in first-use order. */
  readonly clientOptions: readonly ClientOption[];
  readonly operations: readonly OperationModel[];
  /** The spec's `webhooks:`, the notifications the provider sends, in spec order. */
  readonly webhooks: readonly WebhookModel[];
  /** Names under components.schemas, sorted. */
  readonly schemaNames: readonly string[];
  /** components.schemas by name (refs to other component schemas kept). */
  readonly componentSchemas: Readonly<Record<string, SchemaModel>>;
  /** Component schemas that are string enums (open in responses, closed when named), sorted. */
  readonly enumSchemas: readonly { readonly name: string; readonly values: readonly string[] }[];
}

export interface CredentialOption {
  readonly option: string;
  readonly description?: string;
}

export interface ClientOption {
  readonly option: string;
  /** The TypeScript type of the value, from the schema of the first field it fills. */
  readonly type: "string" | "number" | "boolean";
  /** The first filled field's description. */
  readonly description?: string;
}

/**
 * A JSON Schema as written in the spec, with every `$ref` that does not point at
 * `#/components/schemas/<name>` inlined, so emitters need no document to resolve it.
 */
export type SchemaModel = unknown;

export interface ParameterModel {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly required: boolean;
  readonly schema?: SchemaModel;
  /** As written in the spec; undefined means the location's default (form for query/cookie, simple otherwise). */
  readonly style?: string;
  readonly explode?: boolean;
  readonly description?: string;
  /** `x-client-option`: the client option that supplies this parameter when a call leaves it out. */
  readonly clientOption?: string;
}

export interface BodyModel {
  readonly required: boolean;
  /** The preferred media type (JSON first), sent unless the call picks another. */
  readonly contentType: string;
  /** Every declared media type, preferred first. */
  readonly contentTypes: readonly string[];
  readonly schema?: SchemaModel;
  readonly description?: string;
  /** The first example of the preferred media type, for the method's doc. */
  readonly example?: unknown;
  /** Top-level JSON body fields with `x-client-option`: field → client option. */
  readonly clientOptions?: Readonly<Record<string, string>>;
}

export interface ResponseModel {
  /** As written in the spec: "200", "4XX" (or "4xx"), "default". */
  readonly status: string;
  /** 2XX and 3XX are successes, everything else an error. */
  readonly ok: boolean;
  /** The media type of the body, or undefined for no content. */
  readonly contentType: string | undefined;
  /** Named examples of that media type (`examples`, or `example` as "default"). */
  readonly examples: Readonly<Record<string, unknown>>;
  readonly schema?: SchemaModel;
  readonly description?: string;
}

/** How one security scheme puts something on a request: the runtime's descriptor, plus the scheme's name. */
export type AuthModel = AuthSpec & { readonly scheme: string };

export interface OperationModel {
  readonly id: string;
  readonly method: HttpMethod;
  readonly path: string;
  /** JSON pointer of the operation in its spec, for messages. */
  readonly pointer: string;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly parameters: readonly ParameterModel[];
  readonly body?: BodyModel;
  /** Sorted: numeric statuses ascending, then ranges, then default. */
  readonly responses: readonly ResponseModel[];
  /** Alternatives (OR); each lists the schemes applied together (AND). Empty: no auth. */
  readonly security: readonly (readonly AuthModel[])[];
  readonly pagination?: XPagination;
  readonly batch?: XBatch;
  readonly exactlyOneOf?: readonly string[];
  /** Request fields filled from client options (`x-client-option`) when a call leaves them out. */
  readonly defaults?: readonly ClientDefault[];
  /** Safe to repeat: by HTTP method or declared with `x-idempotent`. */
  readonly idempotent: boolean;
}
