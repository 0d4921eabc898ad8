import { describe, expectTypeOf, it } from "vitest";
import {
  createCryptoCloudClient,
  type CryptoCloudCredentials,
  type GetInvoiceInfoResult as CloudResult,
  type Invoice as CloudInvoice,
  type InvoiceStatus as CloudInvoiceStatus,
} from "../../generated/cryptocloud/index.js";
import {
  createCryptomusClient,
  type CryptomusClientOptions,
  type CryptomusCredentials,
  type ErrorMessage,
  type ListPaymentsItem,
  type ListPaymentsResult,
  type Payment,
  type PaymentListResponse,
  type PaymentStatus,
  type Payout,
  type PayoutStatus,
  isPayoutStatus,
  PayoutStatusValues,
  type UnknownEnumValue,
  type ValidationErrorResponse,
} from "../../generated/cryptomus/index.js";
import { cryptomusResponseValidators } from "../../generated/cryptomus/response-validators.gen.js";
import { createMoruneClient, type ErrorEnvelope, type InvoiceInfoResponse } from "../../generated/morune/index.js";
import { moruneResponseValidators } from "../../generated/morune/response-validators.gen.js";

/** True when `T` is `any`. */
type IsAny<T> = 0 extends 1 & T ? true : false;
/** True when `any` hides anywhere inside `T` (properties, array items, union members). */
type HasAny<T, Depth extends unknown[] = []> = Depth["length"] extends 8
  ? false
  : IsAny<T> extends true
    ? true
    : T extends Response | AbortSignal
      ? false
      : T extends readonly (infer I)[]
        ? HasAny<I, [...Depth, 0]>
        : T extends object
          ? true extends { [K in keyof T]-?: HasAny<T[K], [...Depth, 0]> }[keyof T]
            ? true
            : false
          : false;

const cryptomus = createCryptomusClient({ merchant: "m", paymentKey: "p", payoutKey: "q" });
const cloud = createCryptoCloudClient({ apiKey: "k" });
const morune = createMoruneClient({ apiKey: "k" });

describe("factories take the credentials the spec names", () => {
  it("requires the credentials every operation needs, and only those", () => {
    // A merchant who only takes payments has no payout key.
    createCryptomusClient({ merchant: "m", paymentKey: "p" });
    // @ts-expect-error merchant signs nothing but goes with every request
    createCryptomusClient({ paymentKey: "p", payoutKey: "q" });
    // Neither key is needed by every operation (withdrawals take their own): each is asked for when used.
    createCryptoCloudClient({ apiKey: "k" });
    createCryptoCloudClient({ withdrawalKey: "w" });
    // @ts-expect-error a key is a string
    createCryptoCloudClient({ apiKey: 1 });
    // @ts-expect-error unknown option
    createMoruneClient({ apiKey: "k", secret: "s" });
  });

  it("the types say which credentials each operation needs", () => {
    expectTypeOf<CryptomusCredentials["createPayout"]>().toEqualTypeOf<readonly ["merchant", "payoutKey"]>();
    expectTypeOf<CryptomusCredentials["listPayments"]>().toEqualTypeOf<readonly ["merchant", "paymentKey"]>();
    expectTypeOf<CryptoCloudCredentials["createWithdrawal"]>().toEqualTypeOf<readonly ["withdrawalKey"]>();
    expectTypeOf<CryptoCloudCredentials["getInvoiceInfo"]>().toEqualTypeOf<readonly ["apiKey"]>();
    expectTypeOf<keyof CryptomusCredentials>().toEqualTypeOf<keyof ReturnType<typeof createCryptomusClient>>();
    // What a payments-only service is given: exactly the options its calls need.
    type PaymentsOnly = Pick<CryptomusClientOptions, CryptomusCredentials["listPayments"][number]>;
    expectTypeOf<PaymentsOnly>().toEqualTypeOf<{ readonly merchant: string; readonly paymentKey?: string }>();
  });
});

describe("required parts of a call are required", () => {
  it("CryptoCloud needs a body with uuids", () => {
    // @ts-expect-error no arguments
    void cloud.getInvoiceInfo();
    // @ts-expect-error body without uuids
    void cloud.getInvoiceInfo({ body: {} });
    void cloud.getInvoiceInfo({ body: { uuids: ["INV-XXXXXXXX"] } });
  });

  it("Morune's shop_id is a string, given per call or once as the client option shopId", () => {
    // @ts-expect-error shop_id is a string
    void morune.getInvoiceInfo({ query: { shop_id: 1, order_id: "o" } });
    void morune.getInvoiceInfo({ query: { shop_id: "s", order_id: "o" } });
    void createMoruneClient({ apiKey: "k", shopId: "s" }).getInvoiceInfo({ query: { order_id: "o" } });
    // @ts-expect-error the client option is a string too
    createMoruneClient({ apiKey: "k", shopId: 1 });
  });

  it("Cryptomus lists need nothing", () => {
    void cryptomus.listPayments();
    void cryptomus.listPayouts({ query: { cursor: "c" }, body: { date_to: "2023-05-16 23:59:59" } });
  });
});

describe("wrong values and unknown fields do not compile", () => {
  it("rejects an unknown body field and a wrong field type", () => {
    // @ts-expect-error unknown field
    void cryptomus.listPayments({ body: { date_from: "2023-05-04 00:00:00", page: 2 } });
    // @ts-expect-error a number where the spec says string
    void cryptomus.listPayments({ body: { date_from: 5 } });
    // @ts-expect-error unknown query parameter
    void cryptomus.listPayments({ query: { page: "2" } });
  });

  it("validateResponses takes the client's own response validators, not another's or a boolean", () => {
    const keys = { merchant: "m", paymentKey: "p", payoutKey: "q" };
    void createCryptomusClient({ ...keys, validateResponses: cryptomusResponseValidators });
    // @ts-expect-error Morune's validators for a Cryptomus client
    void createCryptomusClient({ ...keys, validateResponses: moruneResponseValidators });
    // @ts-expect-error the validators are passed, not switched on
    void createCryptomusClient({ ...keys, validateResponses: true });
  });

  it("rejects a status that is not in the enum", () => {
    // @ts-expect-error not a Cryptomus payment status
    const wrong: PaymentStatus = "refunded";
    // @ts-expect-error CryptoCloud spells it with one l
    const wrongCloud: CloudInvoiceStatus = "cancelled";
    const right: PayoutStatus = "system_fail";
    void [wrong, wrongCloud, right];
  });
});

describe("results narrow by status", () => {
  it("Cryptomus listPayments", async () => {
    const r = await cryptomus.listPayments();
    if (r.status === 200) {
      expectTypeOf(r.ok).toEqualTypeOf<true>();
      expectTypeOf(r.data).toEqualTypeOf<PaymentListResponse>();
      expectTypeOf(r.data.result.items).toEqualTypeOf<Payment[]>();
      expectTypeOf(r.data.result.paginate.nextCursor).toEqualTypeOf<string | null>();
      expectTypeOf(r.data.state).toEqualTypeOf<0>();
    } else if (r.status === 422) {
      expectTypeOf(r.ok).toEqualTypeOf<false>();
      expectTypeOf(r.error).toEqualTypeOf<ValidationErrorResponse>();
    } else {
      expectTypeOf(r.status).toEqualTypeOf<401>();
      expectTypeOf(r.error).toEqualTypeOf<ErrorMessage>();
    }
    if (r.ok) expectTypeOf(r.status).toEqualTypeOf<200>();
    expectTypeOf(r.status).toEqualTypeOf<200 | 401 | 422>();
  });

  it("payout balance is a string or a number; nullable fields are nullable, not optional", async () => {
    const r = await cryptomus.listPayouts();
    if (r.ok) {
      const payout: Payout = r.data.result.items[0]!;
      expectTypeOf(payout.balance).toEqualTypeOf<string | number>();
      expectTypeOf(payout.txid).toEqualTypeOf<string | null>();
    }
  });

  it("CryptoCloud and Morune", async () => {
    const c = await cloud.getInvoiceInfo({ body: { uuids: ["INV-XXXXXXXX"] } });
    if (c.ok) expectTypeOf(c.data.result).toEqualTypeOf<CloudInvoice[]>();
    expectTypeOf(c.status).toEqualTypeOf<200 | 400 | 401 | 403>();
    expectTypeOf<CloudResult>().toEqualTypeOf(c);

    const m = await morune.getInvoiceInfo({ query: { shop_id: "s", invoice_id: "i" } });
    if (m.status === 404) expectTypeOf(m.error).toEqualTypeOf<ErrorEnvelope>();
    if (m.ok) expectTypeOf(m.data).toEqualTypeOf<InvoiceInfoResponse>();
    expectTypeOf(m.status).toEqualTypeOf<200 | 401 | 403 | 404 | 422 | 500>();
  });
});

describe("enums are forward-compatible in responses", () => {
  it("a response status is the documented values or an UnknownEnumValue", () => {
    expectTypeOf<Payment["status"]>().toEqualTypeOf<PaymentStatus | UnknownEnumValue>();
    expectTypeOf<Exclude<Payout["status"], PayoutStatus>>().toEqualTypeOf<UnknownEnumValue>();
  });

  it("the guard narrows to the documented values; an exhaustive switch must handle the unknown case", () => {
    const check = (received: Payout["status"]) => {
      if (isPayoutStatus(received)) expectTypeOf(received).toEqualTypeOf<PayoutStatus>();
      else expectTypeOf(received).toEqualTypeOf<UnknownEnumValue>();
    };
    void check;
    expectTypeOf(PayoutStatusValues).toEqualTypeOf<
      readonly ["process", "check", "paid", "fail", "cancel", "system_fail"]
    >();
    const describeStatus = (status: Payout["status"]): string => {
      switch (status) {
        case "process":
        case "check":
          return "pending";
        case "paid":
          return "done";
        case "fail":
        case "cancel":
        case "system_fail":
          return "failed";
        default: {
          expectTypeOf(status).toEqualTypeOf<UnknownEnumValue>();
          // @ts-expect-error the unknown case is not never: it must be handled
          const exhaustive: never = status;
          return String(exhaustive);
        }
      }
    };
    void describeStatus;
  });
});

describe("paging", () => {
  it("all() yields the item type, pages() the result type", async () => {
    expectTypeOf<ListPaymentsItem>().toEqualTypeOf<Payment>();
    for await (const item of cryptomus.listPayments.all({ body: {} }, { maxPages: 2 }))
      expectTypeOf(item).toEqualTypeOf<Payment>();
    for await (const page of cryptomus.listPayouts.pages()) expectTypeOf(page.status).toEqualTypeOf<200 | 401 | 422>();
    // @ts-expect-error maxPages is a number
    void cryptomus.listPayments.all(undefined, { maxPages: "2" });
  });
});

describe("batching", () => {
  it("batched() merges typed invoices and reports failures with their ids", async () => {
    const result = await cloud.getInvoiceInfo.batched({ body: { uuids: ["INV-AAAAAAAA"] } }, { concurrency: 2 });
    expectTypeOf(result.items).toEqualTypeOf<readonly CloudInvoice[]>();
    expectTypeOf(result.failures[0]!.ids).toEqualTypeOf<readonly string[]>();
    const failed = result.failures[0]!.result;
    if (failed) expectTypeOf(failed.status).toEqualTypeOf<400 | 401 | 403>();
  });
});

describe("nothing in the results is any", () => {
  it("holds for every operation's result union", () => {
    expectTypeOf<HasAny<ListPaymentsResult>>().toEqualTypeOf<false>();
    expectTypeOf<HasAny<Awaited<ReturnType<typeof cryptomus.listPayouts>>>>().toEqualTypeOf<false>();
    expectTypeOf<HasAny<CloudResult>>().toEqualTypeOf<false>();
    expectTypeOf<HasAny<Awaited<ReturnType<typeof morune.getInvoiceInfo>>>>().toEqualTypeOf<false>();
  });

  it("the any detector itself detects any", () => {
    // biome-ignore lint/suspicious/noExplicitAny: the point of this test is an any
    expectTypeOf<HasAny<{ a: { b: any[] } }>>().toEqualTypeOf<true>();
  });
});

describe("the runtime's list of built-in client options", () => {
  it("names every BaseClientOptions key (so no spec-declared option can shadow one)", async () => {
    const { BASE_CLIENT_OPTIONS } = await import("../../generator/runtime/context.js");
    type Listed = (typeof BASE_CLIENT_OPTIONS)[number];
    expectTypeOf<
      Exclude<keyof import("../../generator/runtime/types.js").BaseClientOptions, Listed>
    >().toEqualTypeOf<never>();
  });
});
