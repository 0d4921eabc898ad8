/** Whether a media type is JSON: `application/json`, `application/*+json`, with or without parameters. */
export function isJsonMediaType(mediaType: string): boolean {
  return /[/+]json\b/i.test(mediaType);
}
