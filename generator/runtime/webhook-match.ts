import type { ParsedBody, WebhookSpec } from "./webhook-types.js";

/** Whether a body is this webhook: every `match` field holds one of its values (form fields are text). */
export function matchesWebhook(spec: WebhookSpec, body: Pick<ParsedBody, "kind" | "value">): boolean {
  return Object.entries(spec.signature.match ?? {}).every(([field, values]) => {
    const actual = body.value[field];
    return values.some((v) => (body.kind === "form" ? actual === String(v) : actual === v));
  });
}

/** For a rejection: what the matched fields hold (short; body values are not secret). */
export function describeMatchFields(specs: readonly WebhookSpec[], value: Readonly<Record<string, unknown>>): string {
  const fields = [...new Set(specs.flatMap((s) => Object.keys(s.signature.match ?? {})))];
  return fields.map((f) => `${f}: ${(JSON.stringify(value[f]) ?? "absent").slice(0, 40)}`).join(", ");
}
