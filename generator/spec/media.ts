import { isJsonMediaType } from "../runtime/media-types.js";
import { asRecord } from "../runtime/records.js";
import type { Deref } from "./deref.js";

/** The media type a client reads or sends: JSON first, then any other declared. */
export function pickMediaType(content: Record<string, unknown> | undefined): string | undefined {
  if (!content) return undefined;
  const types = Object.keys(content);
  return types.find((t) => t === "application/json") ?? types.find(isJsonMediaType) ?? types[0];
}

/** Named examples of a media object (`examples`, or `example` as "default"), in spec order. */
export function mediaExamples(media: Record<string, unknown> | undefined, deref: Deref): Record<string, unknown> {
  if (!media) return {};
  const named = asRecord(deref(media.examples));
  if (named) {
    return Object.fromEntries(
      Object.entries(named).flatMap(([name, raw]) => {
        const example = asRecord(deref(raw));
        return example && "value" in example ? [[name, example.value]] : [];
      }),
    );
  }
  return "example" in media ? { default: media.example } : {};
}

/** The content of a response or request body, and the media type chosen from it. */
export function chosenMedia(
  holder: unknown,
  deref: Deref,
): { readonly mediaType: string; readonly media: Record<string, unknown> } | undefined {
  const content = asRecord(deref(asRecord(deref(holder))?.content));
  const mediaType = pickMediaType(content);
  const media = mediaType === undefined ? undefined : asRecord(deref(content?.[mediaType]));
  return mediaType === undefined || media === undefined ? undefined : { mediaType, media };
}
