import {
  type InterfaceDeclarationStructure,
  type StatementStructures,
  StructureKind,
  type TypeAliasDeclarationStructure,
  type VariableStatementStructure,
  VariableDeclarationKind,
} from "ts-morph";
import type { ApiModel } from "../model/types.js";
import type { WebhookNames } from "./names.js";
import type { WebhookModel } from "../model/webhooks.js";
import { webhookAlgorithms } from "../runtime/webhook-algorithms.js";
import { docText, jsDoc } from "./comment.js";
import { literal, propertyKey } from "./literal.js";
import { exportedFunctionHead, importFrom } from "./module-statements.js";
import { aliasedType, objectType, unionType } from "./type-layout.js";

/** The verifier options: each key the webhooks name, documented by the first declaration that says what it is. */
function secretOptions(webhooks: readonly WebhookModel[]): { name: string; description: string | undefined }[] {
  const options = new Map<string, string | undefined>();
  for (const { signature } of webhooks) {
    if (options.get(signature.secret) === undefined) options.set(signature.secret, signature.description);
  }
  return [...options].map(([name, description]) => ({ name, description }));
}

/** openapi-typescript's type of one webhook's body as one media type. */
function bodyType(webhook: WebhookModel, mediaType: string): string {
  return `NonNullable<webhooks[${JSON.stringify(webhook.name)}][${JSON.stringify(webhook.method)}]["requestBody"]>["content"][${JSON.stringify(mediaType)}]`;
}

/** The body type of one webhook: openapi-typescript's, one member per declared media type. */
function payloadAlias(webhook: WebhookModel, name: string): TypeAliasDeclarationStructure {
  return {
    kind: StructureKind.TypeAlias,
    name,
    isExported: true,
    docs: [
      docText(
        webhook.summary ?? `The \`${webhook.name}\` notification.`,
        `Sent as ${webhook.mediaTypes.join(" or ")}.`,
        webhook.description,
      )!,
    ],
    type: aliasedType(name, unionType(webhook.mediaTypes.map((t) => bodyType(webhook, t)))),
  };
}

/** What the runtime needs of each webhook: the spec's declarations as data. */
function specsConstant(model: ApiModel): VariableStatementStructure {
  const specs = model.webhooks.map((w) => {
    const { description: _description, ...signature } = w.signature;
    return { name: w.name, mediaTypes: w.mediaTypes, signature };
  });
  return {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: "webhookSpecs", type: "readonly WebhookSpec[]", initializer: literal(specs) }],
  };
}

/** Statements of generated/<api>/webhooks.gen.ts, for a spec that declares webhooks. */
export function webhookFileStatements(
  model: ApiModel,
  names: WebhookNames,
  webhookRuntimeImport: string,
): (StatementStructures | string)[] {
  const payloads = model.webhooks.map((w) => ({ webhook: w, type: names.payloads.get(w.name)! }));

  const result: TypeAliasDeclarationStructure = {
    kind: StructureKind.TypeAlias,
    name: names.result,
    isExported: true,
    docs: [
      docText(
        "What `verify` answers: a genuine notification, told apart by `name` (and by `mediaType` where one is sent several ways), or why it was rejected.",
      )!,
    ],
    type: unionType([
      ...payloads.flatMap(({ webhook }) => {
        // Token algorithms hand the caller the token's verified claims too.
        const claims: [string, string][] = webhookAlgorithms[webhook.signature.algorithm]?.takesClaims
          ? [["claims", "Readonly<Record<string, unknown>>"]]
          : [];
        return webhook.mediaTypes.map((mediaType) =>
          objectType([
            ["ok", "true"],
            ["name", JSON.stringify(webhook.name)],
            ["mediaType", JSON.stringify(mediaType)],
            // One media type: the payload alias names the same type.
            [
              "payload",
              webhook.mediaTypes.length === 1 ? names.payloads.get(webhook.name)! : bodyType(webhook, mediaType),
            ],
            ...claims,
          ]),
        );
      }),
      "WebhookRejection",
    ]),
  };

  const options: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name: names.options,
    isExported: true,
    extends: ["WebhookVerifierOptions"],
    docs: [docText(`Options of \`${names.factory}\`: the keys the spec's \`x-webhook-signature\` declarations name.`)!],
    // A key every webhook needs is required; the others only for the notifications they verify.
    properties: secretOptions(model.webhooks).map((o) => ({
      name: propertyKey(o.name),
      isReadonly: true,
      hasQuestionToken: !model.webhooks.every((w) => w.signature.secret === o.name),
      type: "string",
      docs: o.description === undefined ? [] : [docText(o.description)!],
    })),
  };

  const verifier: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name: names.verifier,
    isExported: true,
    docs: [docText(`Verifies ${model.title} notifications.`)!],
    methods: [
      {
        name: "verify",
        parameters: [
          { name: "rawBody", type: "string | Uint8Array" },
          { name: "headers", type: "WebhookHeaders", hasQuestionToken: true },
        ],
        returnType: `Promise<${names.result}>`,
        docs: [
          docText(
            "Checks a notification exactly as received: pass the raw body (before any JSON or form parsing) and the request headers.",
            "Resolves `{ ok: true, name, payload }` for a genuine notification, else `{ ok: false, reason }`; never throws for a bad notification.",
          )!,
        ],
      },
    ],
  };

  // Written as text: ts-morph would print a long signature on one line.
  const factory = [
    "", // a blank line after the specs constant, as between the other declarations
    jsDoc(
      `Creates a verifier for the ${model.title} webhooks: ${model.webhooks.map((w) => `\`${w.name}\``).join(", ")}.`,
    ),
    exportedFunctionHead(names.factory, `options: ${names.options}`, names.verifier),
    `  return createWebhookVerifier<${names.result}>(${literal(model.name)}, webhookSpecs, options);`,
    "}",
  ].join("\n");

  return [
    importFrom(["webhooks"], "./schema.gen.js", true),
    importFrom(
      [
        "createWebhookVerifier",
        "type WebhookHeaders",
        "type WebhookRejection",
        "type WebhookSpec",
        "type WebhookVerifierOptions",
      ],
      webhookRuntimeImport,
    ),
    // A blank line between the imports and the first declaration.
    ...payloads.map(({ webhook, type }, i) => ({ ...payloadAlias(webhook, type), leadingTrivia: i === 0 ? "\n" : "" })),
    result,
    options,
    verifier,
    specsConstant(model),
    factory,
  ];
}
