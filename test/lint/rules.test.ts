import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Config, lint, type NormalizedProblem } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { payspecPlugin } from "../../generator/lint/plugin.js";
import { loadProject } from "../../generator/load/project.js";

/**
 * Each lint rule the project relies on has a folder of tiny specs under fixtures/<rule>/
 * (the folder drops the `payspec/` prefix): pass*.yaml must lint clean, and each
 * fail-<what>.yaml breaks exactly one thing. The table lists EVERY problem a fixture must
 * produce (rule, message substring, JSON pointer), so a fixture that also trips some other
 * rule, or a rule that reports in the wrong place, fails the test. A case with a `bug` note
 * describes what a rule should do but does not yet; it runs as `it.fails`.
 */

const repo = fileURLToPath(new URL("../../", import.meta.url));
const fixturesDir = fileURLToPath(new URL("./fixtures/", import.meta.url));

interface Want {
  readonly ruleId: string;
  /** A substring of the message, or a pattern it matches. */
  readonly message: string | RegExp;
  /** problem.location[0].pointer, exactly (or a pattern it matches). */
  readonly pointer: string | RegExp;
}

interface Case {
  /** Path under fixtures/. */
  readonly fixture: string;
  /** Every problem the fixture must produce; [] for a pass fixture. */
  readonly want: readonly Want[];
  /**
   * Set when the fixture describes the correct behaviour of a rule that is wrong today: the
   * case runs as `it.fails` and turns red (as a reminder to drop this flag) once fixed.
   */
  readonly bug?: string;
}

const SIG = "#/components/securitySchemes/sign/x-signature";
const CRED = "#/components/securitySchemes/token/x-credential";
const PAGE = "#/paths/~1items/get/x-pagination";
const ONE_OF = "#/paths/~1invoice/get/x-exactly-one-of";
const OFFSET_PAGE = "#/paths/~1items/post/x-pagination";
const OPTION = "x-client-option";
const option = (message: string, pointer: string): Want => want(`payspec/${OPTION}`, message, pointer);

const want = (ruleId: string, message: string | RegExp, pointer: string | RegExp): Want => ({
  ruleId,
  message,
  pointer,
});
const sig = (message: string, pointer = SIG): Want => want("payspec/x-signature", message, pointer);
const cred = (message: string, pointer = CRED): Want => want("payspec/x-credential", message, pointer);
const page = (message: string, pointer = PAGE): Want => want("payspec/x-pagination", message, pointer);
const oneOf = (message: string | RegExp, pointer = ONE_OF): Want => want("payspec/x-exactly-one-of", message, pointer);
const MOCK_PAGES = "#/paths/~1items/get/x-mock-pages";
const pages = (message: string, pointer: string): Want => want("payspec/x-mock-pages", message, pointer);
const invalid = (message: string, pointer = "#/x-mock-invalid"): Want =>
  want("payspec/x-mock-invalid", message, pointer);
const UNAUTHORIZED = "#/components/securitySchemes/token/x-mock-unauthorized";
const unauthorized = (message: string, pointer = UNAUTHORIZED): Want =>
  want("payspec/x-mock-unauthorized", message, pointer);
const HOOK = "#/webhooks/payment/post/x-webhook-signature";
const hook = (message: string, pointer = HOOK): Want => want("payspec/x-webhook-signature", message, pointer);

const cases: readonly Case[] = [
  // --- payspec/operation-error-response
  { fixture: "operation-error-response/pass.yaml", want: [] },
  {
    fixture: "operation-error-response/fail-only-2xx.yaml",
    want: [
      want("payspec/operation-error-response", "document at least one error response", "#/paths/~1items/get/responses"),
      // recommended-strict says the same thing about 4XX; listed so the table stays exhaustive.
      want("operation-4xx-response", "at least one `4XX` response", "#/paths/~1items/get/responses"),
    ],
  },
  {
    fixture: "operation-error-response/fail-error-without-schema.yaml",
    want: [want("payspec/operation-error-response", /body schema/, /^#\/paths\/~1items\/get\/responses/)],
  },

  // --- payspec/x-credential
  { fixture: "x-credential/pass.yaml", want: [] },
  { fixture: "x-credential/fail-not-object.yaml", want: [cred("x-credential must be an object")] },
  { fixture: "x-credential/fail-option-missing.yaml", want: [cred("x-credential.option is missing", CRED)] },
  {
    fixture: "x-credential/fail-option-not-identifier.yaml",
    want: [cred("x-credential.option must be a JavaScript identifier", `${CRED}/option`)],
  },
  {
    fixture: "x-credential/fail-prefix-not-string.yaml",
    want: [cred("x-credential.prefix must be a string", `${CRED}/prefix`)],
  },
  {
    fixture: "x-credential/fail-description-not-string.yaml",
    want: [cred("x-credential.description must be a string", `${CRED}/description`)],
  },
  { fixture: "x-credential/fail-unknown-key.yaml", want: [cred('unknown key "prefx"', `${CRED}/prefx`)] },
  {
    fixture: "x-credential/fail-with-x-signature.yaml",
    want: [cred("either x-credential (a sent secret) or x-signature")],
  },

  // --- payspec/x-signature
  { fixture: "x-signature/pass.yaml", want: [] },
  { fixture: "x-signature/fail-not-object.yaml", want: [sig("x-signature must be an object")] },
  {
    fixture: "x-signature/fail-unknown-algorithm.yaml",
    want: [sig("x-signature.algorithm must be one of: md5-base64-body", `${SIG}/algorithm`)],
  },
  {
    fixture: "x-signature/fail-missing-algorithm.yaml",
    want: [sig("x-signature.algorithm must be one of", `${SIG}/algorithm`)],
  },
  {
    fixture: "x-signature/fail-missing-credential.yaml",
    want: [sig("x-signature.credential is missing", SIG)],
  },
  {
    fixture: "x-signature/fail-credential-not-identifier.yaml",
    want: [sig("x-signature.credential must be a JavaScript identifier", `${SIG}/credential`)],
  },
  {
    fixture: "x-signature/fail-description-not-string.yaml",
    want: [sig("x-signature.description must be a string", `${SIG}/description`)],
  },
  { fixture: "x-signature/fail-unknown-key.yaml", want: [sig('unknown key "encoding"', `${SIG}/encoding`)] },
  {
    fixture: "x-signature/fail-not-header.yaml",
    want: [sig("x-signature belongs on an apiKey scheme with in: header")],
  },
  {
    fixture: "x-signature/fail-not-api-key.yaml",
    want: [sig("x-signature belongs on an apiKey scheme with in: header")],
  },

  // --- payspec/x-pagination
  { fixture: "x-pagination/pass.yaml", want: [] },
  { fixture: "x-pagination/pass-path-item-parameter.yaml", want: [] },
  {
    fixture: "x-pagination/pass-json-charset.yaml",
    want: [],
  },
  { fixture: "x-pagination/pass-offset.yaml", want: [] },
  {
    fixture: "x-pagination/fail-offset-no-default.yaml",
    want: [
      want("payspec/x-pagination", 'give the body field "limit" a positive integer default', `${OFFSET_PAGE}/limit`),
    ],
  },
  {
    fixture: "x-pagination/fail-offset-bad-meaning.yaml",
    want: [
      want(
        "payspec/x-pagination",
        "x-pagination.limit.meaning must be count (the page size) or end",
        `${OFFSET_PAGE}/limit/meaning`,
      ),
    ],
  },
  {
    fixture: "x-pagination/fail-offset-undeclared.yaml",
    want: [
      want("payspec/x-pagination", 'the JSON request body declares no property "start"', `${OFFSET_PAGE}/offset/name`),
    ],
  },
  { fixture: "x-pagination/fail-not-object.yaml", want: [page("x-pagination must be an object")] },
  { fixture: "x-pagination/fail-unknown-key.yaml", want: [page('unknown key "pageSize"', `${PAGE}/pageSize`)] },
  {
    fixture: "x-pagination/fail-cursor-not-object.yaml",
    want: [page("x-pagination.cursor must be an object", `${PAGE}/cursor`)],
  },
  {
    fixture: "x-pagination/fail-cursor-undeclared.yaml",
    want: [page('the operation declares no query parameter "cursor"', `${PAGE}/cursor/name`)],
  },
  {
    fixture: "x-pagination/fail-cursor-wrong-in.yaml",
    want: [page('the operation declares no header parameter "cursor"', `${PAGE}/cursor/name`)],
  },
  {
    fixture: "x-pagination/fail-cursor-bad-in.yaml",
    want: [page("x-pagination.cursor.in must be query or header", `${PAGE}/cursor/in`)],
  },
  {
    fixture: "x-pagination/fail-items-missing.yaml",
    want: [page("/result/entries does not exist in the success response schema", `${PAGE}/items`)],
  },
  {
    fixture: "x-pagination/fail-items-not-array.yaml",
    want: [page("/result must point at an array", `${PAGE}/items`)],
  },
  {
    fixture: "x-pagination/fail-next-cursor-missing.yaml",
    want: [page("/result/next does not exist in the success response schema", `${PAGE}/nextCursor`)],
  },
  {
    fixture: "x-pagination/fail-next-cursor-not-string.yaml",
    want: [page("/result/count must point at a string", `${PAGE}/nextCursor`)],
  },
  {
    fixture: "x-pagination/fail-bad-pointer.yaml",
    want: [page("x-pagination.items must be a JSON pointer", `${PAGE}/items`)],
  },
  {
    // A 3xx is no page: model and lint read pages from the lowest 2xx JSON answer only.
    fixture: "x-pagination/fail-only-redirect.yaml",
    want: [
      page("the operation has no 2xx JSON response", `${PAGE}/nextCursor`),
      page("the operation has no 2xx JSON response", `${PAGE}/items`),
      want("operation-2xx-response", "at least one `2XX` response", "#/paths/~1items/get/responses"),
    ],
  },
  {
    fixture: "x-pagination/fail-no-json-response.yaml",
    want: [
      page("the operation has no 2xx JSON response", `${PAGE}/nextCursor`),
      page("the operation has no 2xx JSON response", `${PAGE}/items`),
    ],
  },

  // --- payspec/x-client-option
  { fixture: "x-client-option/pass.yaml", want: [] },
  {
    fixture: "x-client-option/fail-not-identifier.yaml",
    want: [option("x-client-option must be a JavaScript identifier", `#/paths/~1invoice/get/parameters/0/${OPTION}`)],
  },
  {
    fixture: "x-client-option/fail-built-in.yaml",
    want: [
      option('x-client-option "baseUrl" is a built-in client option', `#/paths/~1invoice/get/parameters/0/${OPTION}`),
    ],
  },
  {
    fixture: "x-client-option/fail-nested.yaml",
    want: [
      option(
        "x-client-option belongs on a parameter or a top-level property of a JSON request body",
        `#/paths/~1invoice/post/requestBody/content/application~1json/schema/properties/amount/properties/currency/${OPTION}`,
      ),
    ],
  },

  // --- payspec/x-request-id
  { fixture: "x-request-id/pass.yaml", want: [] },
  {
    fixture: "x-request-id/fail-not-true.yaml",
    want: [
      want(
        "payspec/x-request-id",
        "x-request-id must be true",
        "#/paths/~1items/get/responses/200/headers/X-Trace/x-request-id",
      ),
    ],
  },

  // --- payspec/x-exactly-one-of
  { fixture: "x-exactly-one-of/pass.yaml", want: [] },
  {
    fixture: "x-exactly-one-of/fail-undeclared.yaml",
    want: [
      oneOf(
        '"orderId" is not a parameter of this operation (declared: shop_id, invoice_id, order_id); declare it under parameters',
        `${ONE_OF}/1`,
      ),
    ],
  },
  {
    fixture: "x-exactly-one-of/fail-fewer-than-two.yaml",
    want: [oneOf("x-exactly-one-of must list at least two parameter names")],
  },
  {
    fixture: "x-exactly-one-of/fail-not-a-list.yaml",
    want: [oneOf("x-exactly-one-of must list at least two parameter names")],
  },
  { fixture: "x-exactly-one-of/fail-duplicate.yaml", want: [oneOf('"invoice_id" is listed twice', `${ONE_OF}/2`)] },
  {
    fixture: "x-exactly-one-of/fail-required-parameter.yaml",
    want: [oneOf(/shop_id.*(required|optional)/, `${ONE_OF}/1`)],
  },

  // --- payspec/x-batch
  { fixture: "x-batch/pass.yaml", want: [] },
  { fixture: "x-batch/pass-explicit-size.yaml", want: [] },
  {
    fixture: "x-batch/fail-not-object.yaml",
    want: [want("payspec/x-batch", "x-batch must be an object", "#/paths/~1info/post/x-batch")],
  },
  {
    fixture: "x-batch/fail-items-missing.yaml",
    want: [
      want(
        "payspec/x-batch",
        "/uuids does not exist in the JSON request body schema",
        "#/paths/~1info/post/x-batch/items",
      ),
    ],
  },
  {
    fixture: "x-batch/fail-items-not-array.yaml",
    want: [want("payspec/x-batch", "/note must point at an array", "#/paths/~1info/post/x-batch/items")],
  },
  {
    fixture: "x-batch/fail-results-not-array.yaml",
    want: [want("payspec/x-batch", "/count must point at an array", "#/paths/~1info/post/x-batch/results")],
  },
  {
    fixture: "x-batch/fail-no-size.yaml",
    want: [want("payspec/x-batch", "needs a positive integer size, or maxItems", "#/paths/~1info/post/x-batch")],
  },
  {
    fixture: "x-batch/fail-bad-pointer.yaml",
    want: [want("payspec/x-batch", "x-batch.results must be a JSON pointer", "#/paths/~1info/post/x-batch/results")],
  },
  {
    fixture: "x-batch/fail-unknown-key.yaml",
    want: [want("payspec/x-batch", 'unknown key "sise"', "#/paths/~1info/post/x-batch/sise")],
  },

  // --- payspec/x-idempotent
  { fixture: "x-idempotent/pass.yaml", want: [] },
  {
    fixture: "x-idempotent/fail-not-boolean.yaml",
    want: [want("payspec/x-idempotent", "x-idempotent must be true or false", "#/paths/~1invoice/post/x-idempotent")],
  },

  // --- payspec/x-webhook-signature
  { fixture: "x-webhook-signature/pass.yaml", want: [] },
  { fixture: "x-webhook-signature/fail-not-object.yaml", want: [hook("x-webhook-signature must be an object")] },
  {
    fixture: "x-webhook-signature/fail-unknown-algorithm.yaml",
    want: [
      hook(
        "x-webhook-signature.algorithm must be one of: md5-base64-php-json, jwt-hs256, hmac-sha256-hex-sorted-json",
        `${HOOK}/algorithm`,
      ),
    ],
  },
  {
    fixture: "x-webhook-signature/fail-secret-not-identifier.yaml",
    want: [hook("x-webhook-signature.secret must be a JavaScript identifier", `${HOOK}/secret`)],
  },
  { fixture: "x-webhook-signature/fail-unknown-key.yaml", want: [hook('unknown key "encoding"', `${HOOK}/encoding`)] },
  {
    fixture: "x-webhook-signature/fail-in-invalid.yaml",
    want: [hook("x-webhook-signature.in must be body or header", `${HOOK}/in`)],
  },
  {
    fixture: "x-webhook-signature/fail-in-not-algorithms.yaml",
    want: [hook("md5-base64-php-json carries its signature in the body, not the header", `${HOOK}/in`)],
  },
  {
    fixture: "x-webhook-signature/fail-field-not-in-body.yaml",
    want: [
      hook('the signature field "signature" is not a property of the application/json body schema', `${HOOK}/name`),
    ],
  },
  {
    fixture: "x-webhook-signature/fail-field-not-required.yaml",
    want: [hook('the signature field "sign" must be required', `${HOOK}/name`)],
  },
  {
    fixture: "x-webhook-signature/fail-header-undeclared.yaml",
    want: [
      hook(
        'declare the signature header "X-Signature" as a header parameter',
        "#/webhooks/payout/post/x-webhook-signature/name",
      ),
    ],
  },
  {
    fixture: "x-webhook-signature/fail-match-value.yaml",
    want: [hook('"refund" is not a value the application/json body schema allows for "type"', `${HOOK}/match/type/0`)],
  },
  {
    fixture: "x-webhook-signature/fail-match-not-list.yaml",
    want: [hook("x-webhook-signature.match.type must be a non-empty list", `${HOOK}/match/type`)],
  },
  {
    fixture: "x-webhook-signature/fail-overlap.yaml",
    want: [
      hook('a notification could be both "payment" and "payout"', "#/webhooks/payout/post/x-webhook-signature"),
      hook(
        'a notification could be both "payout" and "postback"',
        "#/webhooks/postback/post/x-webhook-signature/match",
      ),
    ],
  },
  {
    fixture: "x-webhook-signature/fail-missing.yaml",
    want: [hook("a webhook needs x-webhook-signature", "#/webhooks/payment/post")],
  },
  {
    fixture: "x-webhook-signature/fail-on-path.yaml",
    want: [hook("x-webhook-signature belongs on a webhook", "#/paths/~1items/get/x-webhook-signature")],
  },
  {
    fixture: "x-webhook-signature/fail-media-type.yaml",
    want: [
      hook(
        "md5-base64-php-json verifies JSON bodies; the webhook declares application/x-www-form-urlencoded",
        `${HOOK}/algorithm`,
      ),
    ],
  },
  {
    fixture: "x-webhook-signature/fail-claims-not-taken.yaml",
    want: [hook("md5-base64-php-json signs no token, so it takes no claims", `${HOOK}/claims`)],
  },
  {
    fixture: "x-webhook-signature/fail-claim-field.yaml",
    want: [
      hook(
        `the claim's field "invoice" is not a property of the application/json body schema`,
        "#/webhooks/postback/post/x-webhook-signature/claims/id/field",
      ),
      hook(
        `the claim's field "invoice" is not a property of the application/x-www-form-urlencoded body schema`,
        "#/webhooks/postback/post/x-webhook-signature/claims/id/field",
      ),
    ],
  },
  {
    fixture: "x-webhook-signature/fail-claim-pattern.yaml",
    want: [
      hook(
        "x-webhook-signature.claims.id.pattern must be a regular expression",
        "#/webhooks/postback/post/x-webhook-signature/claims/id/pattern",
      ),
    ],
  },
  {
    fixture: "x-webhook-signature/fail-claim-prefix.yaml",
    want: [
      hook(
        "x-webhook-signature.claims.id.optionalPrefix must be a non-empty string",
        "#/webhooks/postback/post/x-webhook-signature/claims/id/optionalPrefix",
      ),
    ],
  },
  {
    fixture: "x-webhook-signature/fail-two-methods.yaml",
    want: [
      hook("unsupported: a webhook with several operations", "#/webhooks/payout"),
      hook("a webhook needs x-webhook-signature", "#/webhooks/payout/put"),
    ],
  },
  {
    fixture: "x-webhook-signature/fail-no-body.yaml",
    want: [hook("the webhook declares no request body to verify", "#/webhooks/payout/post/x-webhook-signature")],
  },

  // --- conventions from redocly.yaml
  { fixture: "operation-operationId/pass.yaml", want: [] },
  {
    fixture: "operation-operationId/fail-missing.yaml",
    want: [want("operation-operationId", "should contain `operationId` field", "#/paths/~1items/get/operationId")],
  },
  { fixture: "no-invalid-media-type-examples/pass.yaml", want: [] },
  {
    fixture: "no-invalid-media-type-examples/fail-wrong-type.yaml",
    want: [
      want(
        "no-invalid-media-type-examples",
        "`amount` property type must be string",
        "#/paths/~1items~1{id}/get/responses/200/content/application~1json/example/amount",
      ),
    ],
  },
  {
    fixture: "no-invalid-media-type-examples/fail-named-example.yaml",
    want: [
      want(
        "no-invalid-media-type-examples",
        "must have required property 'amount'",
        "#/paths/~1items~1{id}/get/responses/200/content/application~1json/examples/noAmount/value",
      ),
    ],
  },
  {
    // Only an error because redocly.yaml sets allowAdditionalProperties: false.
    fixture: "no-invalid-media-type-examples/fail-additional-property.yaml",
    want: [
      want(
        "no-invalid-media-type-examples",
        "must NOT have unevaluated properties `colour`",
        "#/paths/~1items~1{id}/get/responses/200/content/application~1json/example/colour",
      ),
    ],
  },
  // --- payspec/x-mock-pages
  { fixture: "x-mock-pages/pass.yaml", want: [] },
  { fixture: "x-mock-pages/pass-offset.yaml", want: [] },
  {
    fixture: "x-mock-pages/fail-not-list.yaml",
    want: [pages("must list the names of the success response's examples", MOCK_PAGES)],
  },
  {
    fixture: "x-mock-pages/fail-unknown-example.yaml",
    want: [pages('"third" is not an example of the success response', `${MOCK_PAGES}/2`)],
  },
  {
    fixture: "x-mock-pages/fail-no-pagination.yaml",
    want: [pages("x-mock-pages needs x-pagination on the same operation", MOCK_PAGES)],
  },
  {
    fixture: "x-mock-pages/fail-not-ended.yaml",
    want: [pages('the last page "last" must end the walk', `${MOCK_PAGES}/2`)],
  },
  {
    fixture: "x-mock-pages/fail-broken-chain.yaml",
    want: [pages('page "second" is not the last, so it needs the next page\'s cursor', `${MOCK_PAGES}/1`)],
  },
  {
    fixture: "x-mock-pages/fail-repeated-cursor.yaml",
    want: [pages('page "second" repeats the cursor of page 1', `${MOCK_PAGES}/1`)],
  },
  {
    fixture: "x-mock-pages/fail-first-not-default.yaml",
    want: [pages('the first page must be the success response\'s first example ("first")', `${MOCK_PAGES}/0`)],
  },
  {
    fixture: "x-mock-pages/fail-no-items.yaml",
    want: [
      pages('example "second" has no list at /items', `${MOCK_PAGES}/1`),
      want(
        "no-invalid-media-type-examples",
        "must have required property 'items'",
        "#/paths/~1items/get/responses/200/content/application~1json/examples/second/value",
      ),
    ],
  },

  // --- payspec/x-mock-invalid
  { fixture: "x-mock-invalid/pass.yaml", want: [] },
  { fixture: "x-mock-invalid/fail-not-object.yaml", want: [invalid("x-mock-invalid must be an object")] },
  {
    fixture: "x-mock-invalid/fail-status.yaml",
    want: [invalid("x-mock-invalid.status must be a 4xx status code", "#/x-mock-invalid/status")],
  },
  { fixture: "x-mock-invalid/fail-missing-body.yaml", want: [invalid("x-mock-invalid.body is missing")] },
  {
    fixture: "x-mock-invalid/fail-no-field.yaml",
    want: [invalid("use {field} (or {message}) somewhere in it", "#/x-mock-invalid/body")],
  },
  {
    fixture: "x-mock-invalid/fail-unknown-placeholder.yaml",
    want: [invalid("unknown placeholder {keyword}", "#/x-mock-invalid/body/errors/{field}/0")],
  },
  {
    fixture: "x-mock-invalid/fail-unknown-rule.yaml",
    want: [invalid('unknown rule "regexp"', "#/x-mock-invalid/rules/regexp")],
  },
  {
    fixture: "x-mock-invalid/fail-root-undocumented.yaml",
    want: [
      invalid(
        "the root's x-mock-invalid answers 422, but the operation documents no 422 answer",
        "#/paths/~1items/post/responses",
      ),
    ],
  },
  {
    fixture: "x-mock-invalid/fail-operation-undocumented.yaml",
    want: [invalid("the operation documents no 409 answer", "#/paths/~1things/get/x-mock-invalid/status")],
  },

  // --- payspec/x-mock-unauthorized
  { fixture: "x-mock-unauthorized/pass.yaml", want: [] },
  {
    fixture: "x-mock-unauthorized/fail-not-object.yaml",
    want: [unauthorized("x-mock-unauthorized must be an object")],
  },
  {
    fixture: "x-mock-unauthorized/fail-unknown-key.yaml",
    want: [unauthorized('unknown key "expired"', `${UNAUTHORIZED}/expired`)],
  },
  {
    fixture: "x-mock-unauthorized/fail-status.yaml",
    want: [unauthorized("x-mock-unauthorized.wrong.status must be a 4xx status code", `${UNAUTHORIZED}/wrong/status`)],
  },
  {
    fixture: "x-mock-unauthorized/fail-undocumented.yaml",
    want: [
      unauthorized(
        'security scheme "token" has x-mock-unauthorized.wrong, but the operation documents no 403 answer',
        "#/paths/~1items/get/responses",
      ),
    ],
  },
  {
    fixture: "x-mock-unauthorized/fail-unknown-example.yaml",
    want: [unauthorized('the operation\'s 401 answer has no example "notSent"', "#/paths/~1items/get/responses")],
  },

  { fixture: "no-invalid-parameter-examples/pass.yaml", want: [] },
  {
    fixture: "no-invalid-parameter-examples/fail-wrong-type.yaml",
    want: [want("no-invalid-parameter-examples", "type must be integer", "#/paths/~1items/get/parameters/0/example")],
  },
  {
    fixture: "no-invalid-parameter-examples/fail-named-example.yaml",
    want: [
      want(
        "no-invalid-parameter-examples",
        "must be <= 100",
        "#/paths/~1items/get/parameters/0/examples/tooMany/value",
      ),
    ],
  },
  { fixture: "no-invalid-schema-examples/pass.yaml", want: [] },
  {
    fixture: "no-invalid-schema-examples/fail-pattern.yaml",
    want: [want("no-invalid-schema-examples", "must match pattern", "#/components/schemas/Amount/examples/1")],
  },
];

/** The rules that must have a fixture folder: every project rule plus the conventions we rely on. */
const conventionRules = [
  "operation-operationId",
  "no-invalid-media-type-examples",
  "no-invalid-parameter-examples",
  "no-invalid-schema-examples",
];
const projectRules = Object.keys(payspecPlugin.rules?.oas3 ?? {});

function folderOf(ruleId: string): string {
  return ruleId.replace(/^payspec\//, "");
}

interface Got {
  readonly ruleId: string;
  readonly severity: string;
  readonly message: string;
  readonly pointer: string | undefined;
}

function summarize(problems: readonly NormalizedProblem[]): Got[] {
  return problems.map((p) => ({
    ruleId: p.ruleId,
    severity: p.severity,
    message: p.message,
    pointer: p.location[0]?.pointer,
  }));
}

function matcher(w: Want): unknown {
  const text = (v: string | RegExp) => (typeof v === "string" ? v : expect.stringMatching(v));
  return {
    ruleId: w.ruleId,
    severity: "error",
    message: typeof w.message === "string" ? expect.stringContaining(w.message) : expect.stringMatching(w.message),
    pointer: text(w.pointer),
  };
}

// Built the way generator/load/project.ts builds it. The rule settings sit at the root of
// redocly.yaml, so the root config (what config.forAlias(undefined) returns) lints a fixture.
// redocly.yaml as the generator reads it (its rules as an object; the plugins: entry is the CLI's).
const config: Config = (await loadProject(repo)).config;

/** The first lint compiles the example validators, which takes a while on a cold machine. */
const LINT_TIMEOUT = 30_000;

async function lintFixture(fixture: string): Promise<Got[]> {
  return summarize(await lint({ ref: path.join(fixturesDir, fixture), config }));
}

describe("lint rule fixtures", () => {
  for (const c of cases) {
    const verdict = c.want.length === 0 ? "lints clean" : `→ ${c.want.map((w) => w.ruleId).join(", ")}`;
    const title = `${c.fixture} ${verdict}${c.bug === undefined ? "" : " (known bug, see its note)"}`;
    const test = c.bug === undefined ? it : it.fails;
    test(title, { timeout: LINT_TIMEOUT }, async () => {
      const got = await lintFixture(c.fixture);
      expect(got).toEqual(expect.arrayContaining(c.want.map(matcher)));
      // Nothing else: the fixture breaks exactly what the table says, and no other rule fires.
      expect(got, JSON.stringify(got, null, 2)).toHaveLength(c.want.length);
    });
  }
});

describe("fixture table", () => {
  const onDisk = readdirSync(fixturesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(path.join(fixturesDir, d.name)).map((f) => `${d.name}/${f}`))
    .sort();

  it("lists every fixture file exactly once", () => {
    const listed = cases.map((c) => c.fixture);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(onDisk);
  });

  it.each([...projectRules, ...conventionRules])(
    "%s has a pass.yaml and a failing fixture that it fires on",
    (ruleId) => {
      const folder = folderOf(ruleId);
      expect(onDisk).toContain(`${folder}/pass.yaml`);
      const firing = cases.filter(
        (c) =>
          c.bug === undefined && c.fixture.startsWith(`${folder}/fail-`) && c.want.some((w) => w.ruleId === ruleId),
      );
      expect(firing.length).toBeGreaterThan(0);
    },
  );

  it("names fixtures pass*.yaml (no problems) or fail-*.yaml (at least one)", () => {
    for (const c of cases) {
      const name = path.basename(c.fixture);
      expect(name).toMatch(/^(pass(-[a-z0-9-]+)?|fail-[a-z0-9-]+)\.yaml$/);
      expect(c.want.length === 0, c.fixture).toBe(name.startsWith("pass"));
    }
  });
});

describe("project specs (what `npm run lint` promises)", () => {
  const apis = Object.entries(config.resolvedConfig.apis ?? {});

  it("redocly.yaml lists at least one api", () => {
    expect(apis.length).toBeGreaterThan(0);
  });

  it.each(apis)("%s has no errors and no warnings", { timeout: LINT_TIMEOUT }, async (name, api) => {
    // As generator/cli/lint.ts does: the api's own config, its root resolved against redocly.yaml.
    const problems = await lint({ ref: path.join(repo, api.root), config: config.forAlias(name) });
    expect(summarize(problems)).toEqual([]);
  });
});
