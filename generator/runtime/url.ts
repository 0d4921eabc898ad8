import {
  defaultPathSerializer,
  serializeArrayParam,
  serializeObjectParam,
  serializePrimitiveParam,
} from "openapi-fetch";
import type { ParameterStyle } from "./types.js";

type ArrayStyle = Parameters<typeof serializeArrayParam>[2]["style"];
type ObjectStyle = Parameters<typeof serializeObjectParam>[2]["style"];

const FORM: ParameterStyle = { style: "form", explode: true };

/** One query (or cookie) parameter in its OpenAPI style; openapi-fetch's serializers do the encoding. */
export function serializeParam(name: string, value: unknown, { style, explode }: ParameterStyle): string {
  if (Array.isArray(value)) return serializeArrayParam(name, value, { style: style as ArrayStyle, explode });
  if (typeof value === "object" && value !== null) {
    return serializeObjectParam(name, value as Record<string, unknown>, { style: style as ObjectStyle, explode });
  }
  return serializePrimitiveParam(name, String(value));
}

/** A header parameter in simple style: `a,b` for arrays, `k,v` (or `k=v` exploded) for objects. */
export function serializeHeader(value: unknown, explode: boolean): string {
  if (Array.isArray(value)) return value.map(String).join(",");
  if (typeof value === "object" && value !== null) {
    return Object.entries(value)
      .map(([k, v]) => (explode ? `${k}=${String(v)}` : `${k},${String(v)}`))
      .join(",");
  }
  return String(value);
}

/**
 * Whether a path holds a `.` or `..` segment (also percent-encoded, as URL parsers read them):
 * a path parameter of that value would move the request, credentials and all, to another path.
 */
export function hasDotSegment(pathname: string): boolean {
  return pathname.split("/").some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
}

export function buildUrl(
  baseUrl: string,
  pathTemplate: string,
  path: object | undefined,
  query: object | undefined,
  styles: Readonly<Record<string, ParameterStyle>> = {},
): string {
  const pathname = path ? defaultPathSerializer(pathTemplate, path as Record<string, unknown>) : pathTemplate;
  const search = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => serializeParam(name, value, styles[`query:${name}`] ?? FORM))
    .filter((part) => part !== "")
    .join("&");
  return search ? `${baseUrl}${pathname}?${search}` : `${baseUrl}${pathname}`;
}
