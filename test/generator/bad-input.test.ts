import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runOnce } from "../../generator/cli/run.js";
import { REPO, snapshotDir } from "../helpers/temp-project.js";

/**
 * Broken inputs, one folder each (a redocly.yaml and specs/shop.yaml, one thing wrong): each
 * must fail with exit code 1 and a message naming the file, the JSON pointer and what to do,
 * with no stack trace, and leave generated/ byte-identical. A copy of the real generated/ sits
 * in each temporary project, so "nothing written" covers files that would otherwise change.
 */
const FIXTURES = path.join(REPO, "test/generator/bad-input");

const cases: Record<string, readonly string[]> = {
  "invalid-yaml": ["specs/shop.yaml: not valid YAML or JSON at line 19, column 6: bad indentation of a mapping entry"],
  "dangling-ref": [
    "specs/shop.yaml#/paths/~1items/get/responses/200/content/application~1json/schema: Can't resolve $ref (fix the $ref or add what it points to)",
  ],
  "missing-external-ref": [
    "specs/shop.yaml#/paths/~1items/get/responses/200/content/application~1json/schema: Can't resolve $ref: ENOENT",
    "(fix the $ref or add what it points to)",
  ],
  "duplicate-operation-id": [
    "specs/shop.yaml#/paths/~1more/get",
    "unique `operationId`",
    "(give each operation its own operationId)",
  ],
  "swagger-2": ["unsupported: Swagger 2.0 at specs/shop.yaml#/swagger; convert the spec to OpenAPI 3"],
  "unknown-openapi-version": [
    'unsupported: OpenAPI version "4.0.0" at specs/shop.yaml#/openapi; write openapi: 3.1.0 (or 3.0.x)',
  ],
  "empty-file": ["specs/shop.yaml: the file is empty; write an OpenAPI 3.0 or 3.1 document"],
  "unknown-signature-algorithm": [
    "specs/shop.yaml#/components/securitySchemes/sign/x-signature/algorithm: x-signature.algorithm must be one of: md5-base64-body (add new ones to generator/runtime/signing.ts with test vectors)",
  ],
  "pagination-missing-field": [
    "specs/shop.yaml#/paths/~1items/get/x-pagination/nextCursor: /next does not exist in the success response schema; point at one of its properties",
  ],
  "batch-wrong-pointer": [
    "specs/shop.yaml#/paths/~1items/post/x-batch/items: /ids does not exist in the JSON request body schema; point at one of its properties",
  ],
  "exactly-one-of-undeclared": [
    'specs/shop.yaml#/paths/~1items/get/x-exactly-one-of/0: "id" is not a parameter of this operation (declared: none); declare it under parameters or remove it here',
  ],
  "credential-not-identifier": [
    'specs/shop.yaml#/components/securitySchemes/key/x-credential/option: x-credential.option must be a JavaScript identifier such as "apiKey"',
  ],
  "unsupported-http-scheme": [
    'specs/shop.yaml#/components/securitySchemes/digest/scheme: unsupported: http scheme "digest"; use bearer or basic',
  ],
  "undefined-security-scheme": [
    'specs/shop.yaml#/components/securitySchemes/token: security scheme "token" is used but not defined under components.securitySchemes; define it or fix the name',
  ],
  "bad-response-key": ["specs/shop.yaml#/paths/~1items/get/responses/4O0: Property `4O0` is not expected here."],
  "missing-root-file": [
    "redocly.yaml#/apis/shop/root: specs/shop-v2.yaml does not exist; fix the path or add the spec",
  ],
  "no-apis": ["redocly.yaml#/apis: no apis listed; add one entry per spec"],
  "invalid-redocly-yaml": [
    "redocly.yaml: not valid YAML at line 4, column 4: bad indentation of a mapping entry; fix it",
  ],
  "missing-redocly-yaml": ["redocly.yaml: not found in", "create it with an apis: entry per spec"],
  "bad-api-name": ["redocly.yaml#/apis/My Shop: name it in lower-case letters, digits and dashes"],
};

describe("bad input: a clear message, exit 1, nothing written", () => {
  it("has a case for every fixture folder, and at least 15", () => {
    const folders = readdirSync(FIXTURES, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(folders).toEqual(Object.keys(cases).sort());
    expect(folders.length).toBeGreaterThanOrEqual(15);
  });

  it.each(Object.entries(cases))(
    "%s",
    async (name, expected) => {
      const dir = mkdtempSync(path.join(tmpdir(), `payspec-bad-${name}-`));
      try {
        cpSync(path.join(FIXTURES, name), dir, { recursive: true });
        cpSync(path.join(REPO, "generated"), path.join(dir, "generated"), { recursive: true });
        const before = snapshotDir(path.join(dir, "generated"));
        const errors: string[] = [];
        const result = await runOnce(
          { check: false, apis: [], watch: false, help: false },
          dir,
          () => {},
          (m) => errors.push(m),
        );
        const message = errors.join("\n");
        expect(result.code).toBe(1);
        for (const part of expected) expect(message).toContain(part);
        expect(message).not.toMatch(/internal error|\n\s+at /);
        expect(snapshotDir(path.join(dir, "generated"))).toEqual(before);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    30_000,
  );
});
