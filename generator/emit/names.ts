import { camelCase, isIdentifierName } from "../spec/names.js";
import type { ApiModel } from "../model/types.js";
import { isIdentifier, uniqueName, uniqueTypeName } from "./identifiers.js";
import { RUNTIME_NAMES } from "./runtime-names.js";
import { UNKNOWN_ENUM_VALUE } from "./schema-file.js";

/** The generated names of one operation. */
export interface OperationNames {
  /** Method name on the client. */
  readonly method: string;
  readonly args: string;
  readonly result: string;
  /** The runtime descriptor constant. */
  readonly spec: string;
  /** Item type of a paged operation, or of the merged list of a batched one ("" if neither). */
  readonly item: string;
  /** Entry type of a batched operation's request list ("" if not batched). */
  readonly batchId: string;
}

export interface ClientNames {
  readonly factory: string;
  readonly client: string;
  readonly options: string;
  /** The type listing, per method, the credential options it needs. */
  readonly credentials: string;
  /** The constant response-validators.gen.ts exports, for the client's `validateResponses`. */
  readonly responseValidators: string;
  readonly operations: ReadonlyMap<string, OperationNames>;
}

/** Names of everything webhooks.gen.ts exports. */
export interface WebhookNames {
  readonly factory: string;
  readonly verifier: string;
  readonly options: string;
  readonly result: string;
  /** Webhook name → its payload type. */
  readonly payloads: ReadonlyMap<string, string>;
}

/** An enum schema's documented values and the names of their list and guard. */
export interface EnumNames {
  readonly values: readonly string[];
  readonly constant: string;
  readonly guard: string;
}

/** The named type index.ts exports for a component schema; an enum also gets its values and guard. */
export interface SchemaAlias {
  readonly name: string;
  readonly schema: string;
  readonly enumValues?: EnumNames;
}

/** Every exported name of one api's files, computed once, unique among themselves and never a runtime name. */
export interface ApiNames {
  readonly client: ClientNames;
  /** Only a spec with (signed) webhooks has webhooks.gen.ts. */
  readonly webhooks?: WebhookNames;
  readonly aliases: readonly SchemaAlias[];
}

function clientNames(model: ApiModel, taken: Set<string>): ClientNames {
  const client = uniqueTypeName(`${model.clientName}Client`, taken);
  const options = uniqueTypeName(`${model.clientName}ClientOptions`, taken);
  const credentials = uniqueTypeName(`${model.clientName}Credentials`, taken);
  const methods = new Set<string>();
  const operations = new Map<string, OperationNames>();
  for (const op of model.operations) {
    let method = isIdentifier(op.id) ? op.id : camelCase(op.id);
    if (!isIdentifier(method)) method = `${method}_`;
    for (let i = 2; methods.has(method); i++) method = `${camelCase(op.id)}${i}`;
    methods.add(method);
    operations.set(op.id, {
      method,
      args: uniqueTypeName(method, taken, "Args"),
      result: uniqueTypeName(method, taken, "Result"),
      item: op.pagination || op.batch ? uniqueTypeName(method, taken, op.batch ? "BatchItem" : "Item") : "",
      batchId: op.batch ? uniqueTypeName(method, taken, "BatchId") : "",
      spec: `${method}Operation`,
    });
  }
  const factory = `create${client}`;
  taken.add(factory);
  const responseValidators = uniqueName(
    `${model.clientName[0]!.toLowerCase()}${model.clientName.slice(1)}ResponseValidators`,
    taken,
  );
  return { factory, client, options, credentials, responseValidators, operations };
}

function webhookNames(model: ApiModel, taken: Set<string>): WebhookNames {
  const verifier = uniqueTypeName(`${model.clientName}WebhookVerifier`, taken);
  const factory = `create${verifier}`;
  taken.add(factory);
  return {
    factory,
    verifier,
    options: uniqueTypeName(`${model.clientName}WebhookVerifierOptions`, taken),
    result: uniqueTypeName(`${model.clientName}WebhookResult`, taken),
    payloads: new Map(model.webhooks.map((w) => [w.name, uniqueTypeName(w.name, taken, "WebhookPayload")])),
  };
}

/**
 * One naming pass over an api: the client's names, the webhooks', then the schema aliases (a
 * schema named like a generated type gets a suffix, the generated name stays), then the enums'
 * value lists and guards. openapi-typescript's own exports are taken from the start.
 */
export function apiNames(model: ApiModel): ApiNames {
  const taken = new Set<string>([
    ...RUNTIME_NAMES,
    "components",
    "operations",
    "paths",
    "webhooks",
    UNKNOWN_ENUM_VALUE,
  ]);
  const client = clientNames(model, taken);
  const webhooks = model.webhooks.length > 0 ? webhookNames(model, taken) : undefined;
  const named = model.schemaNames.map((schema) => ({
    schema,
    name:
      taken.has(schema) || !isIdentifierName(schema)
        ? uniqueTypeName(schema, taken, "Schema")
        : uniqueTypeName(schema, taken),
  }));
  const aliases = named.map(({ schema, name }): SchemaAlias => {
    const enumSchema = model.enumSchemas.find((e) => e.name === schema);
    if (enumSchema === undefined) return { name, schema };
    return {
      name,
      schema,
      enumValues: {
        values: enumSchema.values,
        constant: uniqueName(`${name}Values`, taken),
        guard: uniqueName(`is${name}`, taken),
      },
    };
  });
  return { client, ...(webhooks ? { webhooks } : {}), aliases };
}
