import { parseOrderedJson } from "./ordered-json.js";
import { isJsonMediaType } from "./media-types.js";
import { type BodyKind, type ParsedBody, type ReadBody, reject, type WebhookRejection } from "./webhook-types.js";

const FORM = "application/x-www-form-urlencoded";

function essence(mediaType: string): string {
  return (mediaType.split(";")[0] ?? "").trim().toLowerCase();
}

/** JSON (`application/json`, `application/*+json`) or form-encoded; anything else is not a webhook body. */
export function bodyKindOf(mediaType: string): BodyKind | undefined {
  const type = essence(mediaType);
  if (type === FORM) return "form";
  return isJsonMediaType(type) ? "json" : undefined;
}

// Pure, so that a bundle of a client alone (the webhooks barrel imported, not used) drops it.
const utf8 = /* @__PURE__ */ new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * How to read a body: as the content type says when it names a declared encoding; otherwise by
 * its text. The header is not signed and some senders mislabel JSON (PHP's curl sends
 * form-encoded by default), so it decides nothing the signature does not check anyway.
 */
function chooseKind(text: string, contentType: string | undefined, accepted: readonly string[]): BodyKind {
  const kinds = accepted.map(bodyKindOf).filter((k): k is BodyKind => k !== undefined);
  const named = contentType === undefined ? undefined : bodyKindOf(contentType);
  if (named !== undefined && kinds.includes(named)) return named;
  if (!kinds.includes("form")) return "json";
  return kinds.includes("json") && /^\s*[{[]/.test(text) ? "json" : "form";
}

/** Whether a body is over `maxBytes` of UTF-8, without decoding or copying it. */
function tooLarge(raw: string | Uint8Array, maxBytes: number): boolean {
  if (typeof raw !== "string") return raw.byteLength > maxBytes;
  // Every UTF-16 unit takes at least one byte of UTF-8, so the length alone often decides.
  return raw.length > maxBytes || Buffer.byteLength(raw, "utf8") > maxBytes;
}

/**
 * Decodes a notification body and reads it cheaply (JSON with the native parser): size first,
 * then UTF-8, then one JSON object or a form without repeated fields. The costly ordered parse
 * waits for `withTree`, after the signature has been found and looks right.
 */
export function readBody(
  raw: unknown,
  contentType: string | undefined,
  accepted: readonly string[],
  maxBytes: number,
): { readonly ok: true; readonly body: ReadBody } | WebhookRejection {
  if (typeof raw !== "string" && !(raw instanceof Uint8Array))
    return reject("the body must be the raw text or bytes as received, not parsed");
  if (tooLarge(raw, maxBytes)) return reject(`body is larger than maxBodyBytes (${maxBytes} bytes)`);
  let text: string;
  try {
    text = typeof raw === "string" ? raw : utf8.decode(raw);
  } catch {
    return reject("body is not UTF-8 text");
  }
  if (text.trim() === "") return reject("empty body");
  const kind = chooseKind(text, contentType, accepted);
  if (kind === "form") {
    const fields = [...new URLSearchParams(text)];
    const names = new Set<string>();
    for (const [key] of fields) {
      if (names.has(key)) return reject(`body is ambiguous: field ${JSON.stringify(key)} is repeated`);
      names.add(key);
    }
    // fromEntries defines own properties, so a field named "__proto__" stays a field.
    return { ok: true, body: { kind, text, value: Object.fromEntries(fields) } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return reject(`body is not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return reject("body is not a JSON object");
  return { ok: true, body: { kind, text, value: value as Record<string, unknown> } };
}

/** The body with its ordered tree: a JSON object without repeated keys (a signed body must mean one thing). */
export function withTree(body: ReadBody): { readonly ok: true; readonly body: ParsedBody } | WebhookRejection {
  if (body.kind === "form") return { ok: true, body };
  const parsed = parseOrderedJson(body.text);
  if (!parsed.ok) {
    return reject(
      parsed.duplicateKey === undefined
        ? `body is not valid JSON (${parsed.error})`
        : `body is ambiguous: key ${JSON.stringify(parsed.duplicateKey)} is repeated`,
    );
  }
  return { ok: true, body: { ...body, tree: parsed.node } };
}
