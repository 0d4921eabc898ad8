import { describe, expect, it } from "vitest";
import { getRequestSigner, requestSigners } from "../../generator/runtime/signing.js";

/**
 * Vectors computed outside Node with coreutils:
 *   printf '%s' "$body" | base64 -w0 > f; printf '%s' "$key" >> f; md5sum f
 */
const vectors: Record<string, { body: string; key: string; want: string }[]> = {
  "md5-base64-body": [
    { body: "", key: "k", want: "8ce4b16b22b58894aa86c421e8759df3" },
    { body: "{}", key: "k", want: "17cc27615060579b99f3d5921adfeceb" },
    { body: '{"date_from":"2023-05-04 00:00:00"}', key: "payment-key", want: "2ca68be4a20d13e8bf9dd35f92e77f1e" },
    { body: '{"url":"https://x/y","name":"Привет"}', key: "payout-key", want: "05bb890b7fab99cbc15d248b93f2b684" },
  ],
};

describe("request signers", () => {
  it("every registered algorithm has test vectors", () => {
    expect(Object.keys(requestSigners).sort()).toEqual(Object.keys(vectors).sort());
  });

  for (const [algorithm, cases] of Object.entries(vectors)) {
    it.each(cases)(`${algorithm}: %o`, ({ body, key, want }) => {
      expect(getRequestSigner(algorithm)(body, key)).toBe(want);
    });
  }

  it("an escaped slash is a different body, so a different signature", () => {
    const sign = getRequestSigner("md5-base64-body");
    expect(sign('{"u":"a/b"}', "k")).not.toBe(sign('{"u":"a\\/b"}', "k"));
  });

  it("refuses unknown algorithms with the list of known ones", () => {
    expect(() => getRequestSigner("sha1")).toThrow('unknown x-signature algorithm "sha1"; known: md5-base64-body');
    expect(() => getRequestSigner("toString")).toThrow("unknown x-signature algorithm");
  });
});
