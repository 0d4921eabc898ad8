import path from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { readPointer } from "../../generator/runtime/pointer.js";
import { REPO } from "../helpers/temp-project.js";
import { type LoadedApi, loadApis } from "../mock/support.js";

// What an editor shows on hover is TypeScript's quick info: this reads it through the language
// service, over a sample file that uses each provider's client as a merchant would. `/*?*/`
// marks the identifier hovered; `doc` is the JSON pointer of the spec text it must show (its
// first sentence, whitespace collapsed), and `shows` what the type line must name (TypeScript
// prints an alias of a primitive, such as `Amount = string`, as the primitive).
interface Hover {
  readonly what: string;
  readonly doc: string;
  readonly shows?: string;
}

const SAMPLES: Record<string, { readonly code: string; readonly hovers: readonly Hover[] }> = {
  cryptomus: {
    code: `
import { createCryptomusClient, type Payment } from "../../generated/cryptomus/index.js";
const client = createCryptomusClient({ merchant: "m", paymentKey: "k" });
export async function sample(payment: /*?*/Payment): Promise<unknown> {
  await client./*?*/listPayments({ query: { /*?*/cursor: "c" } });
  return [payment./*?*/amount, payment./*?*/status];
}`,
    hovers: [
      { what: "named type", doc: "/components/schemas/Payment/description", shows: "type Payment = {" },
      { what: "method", doc: "/paths/~1v1~1payment~1list/post/description", shows: "listPayments" },
      { what: "parameter", doc: "/components/parameters/Cursor/description", shows: "cursor" },
      { what: "$ref field", doc: "/components/schemas/Amount/description", shows: "amount: string" },
      { what: "enum field", doc: "/components/schemas/PaymentStatus/description", shows: "OpenEnum<PaymentStatus>" },
    ],
  },
  cryptocloud: {
    code: `
import { createCryptoCloudClient, type Invoice } from "../../generated/cryptocloud/index.js";
const client = createCryptoCloudClient({ apiKey: "k" });
export async function sample(invoice: /*?*/Invoice): Promise<unknown> {
  await client./*?*/getInvoiceInfo({ body: { uuids: ["INV-1"] } });
  return [invoice./*?*/uuid, invoice./*?*/expiry_date];
}`,
    hovers: [
      { what: "named type", doc: "/components/schemas/Invoice/description", shows: "type Invoice = {" },
      { what: "method", doc: "/paths/~1v2~1invoice~1merchant~1info/post/summary", shows: "getInvoiceInfo" },
      { what: "$ref field", doc: "/components/schemas/InvoiceId/description", shows: "uuid: string" },
      {
        what: "$ref field",
        doc: "/components/schemas/Invoice/properties/expiry_date/description",
        shows: "expiry_date",
      },
    ],
  },
  morune: {
    code: `
import { createMoruneClient, type InvoiceInfoResponse } from "../../generated/morune/index.js";
const client = createMoruneClient({ apiKey: "k", shopId: "s" });
export async function sample(): Promise</*?*/InvoiceInfoResponse> {
  const result = await client./*?*/getInvoiceInfo({ query: { /*?*/invoice_id: "i" } });
  if (!result.ok) throw new Error("failed");
  return result.data;
}`,
    hovers: [
      { what: "named type", doc: "/components/schemas/InvoiceInfoResponse/description", shows: "InvoiceInfoResponse" },
      { what: "method", doc: "/paths/~1invoice~1info/get/summary", shows: "getInvoiceInfo" },
      { what: "parameter", doc: "/paths/~1invoice~1info/get/parameters/1/description", shows: "invoice_id" },
    ],
  },
};

const MARK = "/*?*/";

/** Every hover of a sample file, in marker order: type line, then docs and tags. */
function hovers(file: string, code: string): string[] {
  const files = new Map([[file, code]]);
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => ({
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      skipLibCheck: true,
      types: ["node"],
    }),
    getScriptFileNames: () => [file],
    getScriptVersion: () => "1",
    getScriptSnapshot: (name) => {
      const text = files.get(name) ?? ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => REPO,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (name) => files.has(name) || ts.sys.fileExists(name),
    readFile: (name) => files.get(name) ?? ts.sys.readFile(name),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host);
  const errors = service.getSemanticDiagnostics(file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  expect(errors, "the sample must compile, or its hovers mean nothing").toEqual([]);
  const out: string[] = [];
  for (let at = code.indexOf(MARK); at !== -1; at = code.indexOf(MARK, at + 1)) {
    const info = service.getQuickInfoAtPosition(file, at + MARK.length);
    out.push(
      info === undefined
        ? ""
        : [
            ts.displayPartsToString(info.displayParts),
            ts.displayPartsToString(info.documentation),
            ...(info.tags ?? []).map((t) => ts.displayPartsToString(t.text)),
          ].join("\n"),
    );
  }
  return out;
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();
const firstSentence = (text: string) => squash(text).split(/(?<=\.) /)[0]!;

describe("hovers show the spec's words and named types", () => {
  let apis: Map<string, LoadedApi>;
  beforeAll(async () => {
    apis = new Map((await loadApis(REPO)).map((api) => [api.name, api]));
  });

  for (const [provider, sample] of Object.entries(SAMPLES)) {
    it(`${provider}: ${sample.hovers.map((h) => h.what).join(", ")}`, () => {
      const found = hovers(path.join(REPO, "test/types", `hover-${provider}.ts`), sample.code);
      expect(found).toHaveLength(sample.hovers.length);
      sample.hovers.forEach((hover, i) => {
        const description = readPointer(apis.get(provider)!.document, hover.doc);
        expect(typeof description, `${provider} ${hover.doc} is spec text`).toBe("string");
        const shown = squash(found[i]!);
        expect(shown, `${hover.what} hover`).toContain(firstSentence(description as string));
        if (hover.shows !== undefined)
          expect(found[i]!.split("\n")[0], `${hover.what} type line`).toContain(hover.shows);
        expect(shown, `${hover.what} hover names no indexed access`).not.toContain('components["schemas"]');
      });
    });
  }
});
