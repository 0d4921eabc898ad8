/** The HTTP methods a path item (or a webhook) may declare operations for, in OpenAPI's order. */
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The methods a path item declares an operation for. */
export function methodsOf(pathItem: unknown): HttpMethod[] {
  return typeof pathItem === "object" && pathItem !== null
    ? HTTP_METHODS.filter((m) => typeof (pathItem as Record<string, unknown>)[m] === "object")
    : [];
}
