import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";

/** schema.gen.ts: openapi-typescript's rendering of the bundled spec (we do not re-implement it). */
export async function schemaTypes(document: Record<string, unknown>): Promise<string> {
  const nodes = await openapiTS(document as unknown as OpenAPI3, { silent: true });
  return astToString(nodes);
}
