import {
  astToString,
  type GlobalContext,
  type OpenAPI3,
  resolveRef,
  scanDiscriminators,
  transformSchema,
} from "openapi-typescript";
import ts from "typescript";
import { describeRefProperties } from "./schema-ref-docs.js";
import { nameComponentSchemas, shortenSchemaRefs } from "./schema-names.js";

/** Name of the type that stands for enum values a provider adds after the spec was written. */
export const UNKNOWN_ENUM_VALUE = "UnknownEnumValue";
/** Name of the generic a named enum is received as: `OpenEnum<PaymentStatus>`. */
export const OPEN_ENUM = "OpenEnum";

// The brand is a required property, so no documented literal is assignable to it: that keeps
// `Exclude<Enum, UnknownEnumValue>` equal to the documented values.
const UNKNOWN_ENUM_DECLARATION = `/** A string enum value the spec does not list yet (a provider added it): handle it in a default branch. */
export type ${UNKNOWN_ENUM_VALUE} = string & { readonly __unknownEnumValue: true };

/** A documented enum \`T\` as received: one of its values, or one the spec does not list yet. */
export type ${OPEN_ENUM}<T> = T | ${UNKNOWN_ENUM_VALUE};`;

// openapi-typescript prints string literals as identifiers whose text is the quoted value.
function isStringLiteral(node: ts.Node): boolean {
  return (
    (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) ||
    (ts.isIdentifier(node) && node.text.startsWith('"'))
  );
}

function isNullLiteral(node: ts.Node): boolean {
  return ts.isLiteralTypeNode(node) && node.literal.kind === ts.SyntaxKind.NullKeyword;
}

/**
 * String enums become open: `"paid" | "fail" | UnknownEnumValue`. Documented values still
 * narrow, and an exhaustive switch needs a default branch, so a status a provider adds later
 * is delivered and handled rather than rejected. (A component enum is declared by name with its
 * documented values, for comparisons and inputs, and received as `OpenEnum<Name>`.)
 */
function openStringEnums(type: ts.TypeNode): ts.TypeNode | undefined {
  if (!ts.isUnionTypeNode(type)) return undefined;
  const strings = type.types.filter(isStringLiteral);
  if (strings.length < 2 || !type.types.every((t) => isStringLiteral(t) || isNullLiteral(t))) return undefined;
  return ts.factory.createUnionTypeNode([...type.types, ts.factory.createTypeReferenceNode(UNKNOWN_ENUM_VALUE)]);
}

/**
 * OpenAPI lets a discriminator mapping value be a bare schema name ("Cat"); openapi-typescript
 * resolves every value as a ref, so bare names are written out as `#/components/schemas/Cat`.
 * Returns `node` itself where nothing changed below it (describeRefProperties copies the rest).
 */
export function qualifyMappings(node: unknown): unknown {
  if (typeof node !== "object" || node === null) return node;
  if (Array.isArray(node)) {
    const items = node.map(qualifyMappings);
    return items.some((item, i) => item !== node[i]) ? items : node;
  }
  let changed = false;
  const entries = Object.entries(node).map(([key, value]): [string, unknown] => {
    const next = key === "discriminator" ? qualifiedDiscriminator(value) : qualifyMappings(value);
    if (next !== value) changed = true;
    return [key, next];
  });
  return changed ? Object.fromEntries(entries) : node;
}

/** A discriminator with its bare mapping values qualified, or itself when it has none. */
function qualifiedDiscriminator(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const { mapping } = value as { mapping?: unknown };
  if (typeof mapping !== "object" || mapping === null) return qualifyMappings(value);
  const bare = (v: unknown) => typeof v === "string" && !v.includes("/") && !v.includes("#");
  if (!Object.values(mapping).some(bare)) return value;
  const qualified = Object.fromEntries(
    Object.entries(mapping).map(([k, v]) => [k, bare(v) ? `#/components/schemas/${v}` : v]),
  );
  return { ...value, mapping: qualified };
}

/** schema.gen.ts's text, and the component schemas it declares as top-level types of their own name. */
export interface SchemaTypes {
  readonly text: string;
  readonly named: ReadonlySet<string>;
  /** The enums among them (declared with their documented values only). */
  readonly openEnums: ReadonlySet<string>;
}

/**
 * schema.gen.ts: openapi-typescript's rendering of the bundled spec (we do not re-implement it).
 * Its transform is called directly: `openapiTS()` would first lint and bundle the document again
 * with its own, older Redocly, which the load step has already done (and which crashes on
 * properties named like Object.prototype methods, such as `hasOwnProperty`).
 */
export function schemaTypes(document: Record<string, unknown>): SchemaTypes {
  const schema = describeRefProperties(qualifyMappings(document)) as OpenAPI3;
  const options = { silent: true, postTransform: openStringEnums, inject: UNKNOWN_ENUM_DECLARATION };
  // openapiTS()'s defaults, field by field (`redoc` is read only by the validation skipped here),
  // but one: a field with a `default` stays optional, since a request may leave it out.
  const ctx: GlobalContext = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: false,
    discriminators: scanDiscriminators(schema, options),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: options.postTransform,
    propertiesRequiredByDefault: false,
    redoc: undefined as never,
    silent: true,
    inject: options.inject,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(schema, $ref, { silent: true }),
  };
  const { nodes, named, openEnums } = nameComponentSchemas(transformSchema(schema, ctx), UNKNOWN_ENUM_VALUE, OPEN_ENUM);
  return { text: shortenSchemaRefs(astToString(nodes), { named, openEnums, openEnum: OPEN_ENUM }), named, openEnums };
}
