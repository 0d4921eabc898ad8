/** Request headers as `fetch` (Headers) or `node:http` (IncomingHttpHeaders) give them. */
export type HeaderSource = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** A header by case-insensitive name, from `Headers` or a `node:http` headers object. */
export function readHeader(headers: HeaderSource, name: string): string | readonly string[] | undefined {
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as Headers).get(name) ?? undefined;
  const wanted = name.toLowerCase();
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  return Object.entries(record).find(([key, value]) => key.toLowerCase() === wanted && value !== undefined)?.[1];
}
