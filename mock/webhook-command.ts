import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { buildWebhook, loadApiModel, sendWebhook } from "./webhook-sender.js";

export const WEBHOOK_USAGE = `Usage: npm run mock -- webhook <api> <webhook> (--to <url> | --print) [options]

Sends a correctly signed notification of <webhook> (a name under webhooks: in the spec of
<api>, e.g. "cryptomus payment") to <url>, as the provider would, and prints the answer.
The payload is the spec's first example unless --example or --payload says otherwise; the
keys are the mocks' test secrets (test-<option>) unless --secret says otherwise.

  --to <url>              the endpoint to notify
  --print                 print the signed request instead of sending it
  --example <name>        a named example of the spec
  --payload <json|@file>  the notification to send (a signature field in it is replaced)
  --content-type <type>   one of the webhook's media types (default its first)
  --secret <option=value> a key, e.g. --secret paymentKey=... (repeatable)
  --help                  this text

Exit codes: 0 the endpoint answered 2xx (or --print); 1 it answered otherwise or the
request failed; 2 wrong usage.`;

async function payloadOf(value: string | undefined): Promise<Record<string, unknown> | undefined> {
  if (value === undefined) return undefined;
  const text = value.startsWith("@") ? await readFile(value.slice(1), "utf8") : value;
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("--payload must be a JSON object");
  return parsed as Record<string, unknown>;
}

function secretsOf(pairs: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf("=");
      if (at <= 0) throw new Error(`--secret takes option=value, got ${JSON.stringify(pair)}`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

/** `npm run mock -- webhook ...`: the test sender from the command line. */
export const webhookCommand = {
  summary: "send a signed webhook notification to a URL",
  usage: WEBHOOK_USAGE,
  async run(args: string[]): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      options: {
        to: { type: "string" },
        print: { type: "boolean", default: false },
        example: { type: "string" },
        payload: { type: "string" },
        "content-type": { type: "string" },
        secret: { type: "string", multiple: true, default: [] },
        help: { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) {
      process.stdout.write(`${WEBHOOK_USAGE}\n`);
      return 0;
    }
    const [api, webhook, ...extra] = positionals;
    const oneTarget = (values.to !== undefined) !== values.print;
    if (api === undefined || webhook === undefined || extra.length > 0 || !oneTarget) {
      process.stderr.write(`${WEBHOOK_USAGE}\n`);
      return 2;
    }
    const options = {
      ...(values.example !== undefined ? { example: values.example } : {}),
      ...(values["content-type"] !== undefined ? { mediaType: values["content-type"] } : {}),
      secrets: secretsOf(values.secret),
    };
    try {
      const payload = await payloadOf(values.payload);
      const withPayload = payload === undefined ? options : { ...options, payload };
      if (values.print) {
        const built = await buildWebhook(await loadApiModel(api), webhook, withPayload);
        const headers = Object.entries(built.headers).map(([name, value]) => `${name}: ${value}`);
        process.stdout.write(`${built.webhook.method.toUpperCase()} <url>\n${headers.join("\n")}\n\n${built.body}\n`);
        return 0;
      }
      const sent = await sendWebhook({ ...withPayload, api, webhook, to: values.to! });
      process.stdout.write(`${sent.webhook.name} → ${values.to}: HTTP ${sent.status}\n${sent.responseBody.slice(0, 500)}\n`);
      return sent.status >= 200 && sent.status < 300 ? 0 : 1;
    } catch (error) {
      process.stderr.write(`npm run mock -- webhook: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  },
};
