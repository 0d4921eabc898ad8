import { createQuerySerializer, defaultPathSerializer } from "openapi-fetch";

// openapi-fetch's serializers implement OpenAPI's style/explode rules; the default (form,
// exploded arrays) is what the specs here use.
const serializeQuery = createQuerySerializer();

export function buildUrl(baseUrl: string, pathTemplate: string, path: object | undefined, query: object | undefined): string {
  const pathname = path ? defaultPathSerializer(pathTemplate, path as Record<string, unknown>) : pathTemplate;
  const search = query ? serializeQuery(query as Record<string, unknown>) : "";
  return search ? `${baseUrl}${pathname}?${search}` : `${baseUrl}${pathname}`;
}
