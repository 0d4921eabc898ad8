import { describe, expect, it } from "vitest";
import { renderRefusal, type Violation, violationsOf } from "../../mock/refusal.js";

// What Prism 5.14 puts in sl-violations, copied from its answers to the project's specs.
const prism = [
  {
    location: ["request", "body", "date_from"],
    severity: "Error",
    code: "pattern",
    message: 'Request body property date_from must match pattern "^x$"',
  },
  {
    location: ["request", "body"],
    severity: "Error",
    code: "required",
    message: "Request body must have required property 'uuids'",
  },
  {
    location: ["request", "body"],
    severity: "Error",
    code: "additionalProperties",
    message: "Request body must NOT have additional properties; found 'x'",
  },
  {
    location: ["request", "body", "uuids", "0"],
    severity: "Error",
    code: "type",
    message: "Request body property uuids.0 must be string",
  },
  {
    location: ["request", "query", "shop_id"],
    severity: "Error",
    code: "format",
    message: 'Request query parameter shop_id must match format "uuid"',
  },
  { location: ["request", "query"], severity: "Warning", code: "x", message: "only a warning" },
  { location: ["request"], severity: "Error", code: 401, message: "Invalid security scheme used" },
];

describe("violationsOf", () => {
  it("names the field of each request violation, taking required and additional properties from the message", () => {
    expect(violationsOf(JSON.stringify(prism))).toEqual([
      { in: "body", field: "date_from", rule: "pattern", message: prism[0]!.message },
      { in: "body", field: "uuids", rule: "required", message: prism[1]!.message },
      { in: "body", field: "x", rule: "additionalProperties", message: prism[2]!.message },
      { in: "body", field: "uuids.0", rule: "type", message: prism[3]!.message },
      { in: "query", field: "shop_id", rule: "format", message: prism[4]!.message },
    ]);
  });

  it("finds nothing in a missing, malformed or non-list header", () => {
    for (const header of [undefined, "", "not json", '{"a":1}']) expect(violationsOf(header)).toEqual([]);
  });
});

describe("renderRefusal", () => {
  const pattern: Violation = { in: "body", field: "date_from", rule: "pattern", message: "must match" };
  const required: Violation = { in: "body", field: "date_to", rule: "required", message: "is required" };

  it("fills keys and strings, maps rule names, and leaves other values and braces alone", () => {
    const invalid = {
      status: 422,
      body: {
        state: 1,
        errors: { "{field}": ["validation.{rule}"] },
        where: "{in}: {message} {other}",
        n: 2,
        none: null,
      },
      rules: { pattern: "regex" },
    };
    expect(renderRefusal(invalid, [pattern])).toEqual({
      state: 1,
      errors: { date_from: ["validation.regex"] },
      where: "body: must match {other}",
      n: 2,
      none: null,
    });
  });

  it("merges one copy per violation: objects key by key, lists appended and strings joined without repeats, other values first", () => {
    const invalid = {
      status: 422,
      body: {
        errors: { "{field}": ["validation.{rule}"] },
        error: "{field}: {rule}",
        all: ["{field}"],
        state: 1,
        ok: false,
      },
      rules: {},
    };
    const again: Violation = { ...pattern, rule: "required" };
    expect(renderRefusal(invalid, [pattern, required, again, pattern])).toEqual({
      errors: { date_from: ["validation.pattern", "validation.required"], date_to: ["validation.required"] },
      error: "date_from: pattern; date_to: required; date_from: required",
      all: ["date_from", "date_to"],
      state: 1,
      ok: false,
    });
  });
});
