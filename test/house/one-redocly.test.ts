// The launcher's bundle sends openapi-typescript's two pointer helpers (`parseRef`,
// `escapePointer`, from its own Redocly 1) to Redocly 2's, which every run loads anyway
// (generator/bundle-stand-ins.mjs; test/house/launcher.test.ts checks that none of Redocly 1
// is required).
// That is only correct while the two give the same answers: this fails as soon as they differ
// on a pointer a spec can hold.
import { createRequire } from "node:module";
import path from "node:path";
import { expect, it } from "vitest";

const require = createRequire(import.meta.url);
type RefUtils = {
  parseRef(ref: string): { uri: string | null; pointer: string[] };
  escapePointer(fragment: string | number): string | number;
};

const redocly1 = createRequire(require.resolve("openapi-typescript"))(
  "@redocly/openapi-core/lib/ref-utils.js",
) as RefUtils;
const redocly2 = (await import(path.join(path.dirname(require.resolve("@redocly/openapi-core")), "ref-utils.js"))) as {
  parseRef: RefUtils["parseRef"];
  escapePointerFragment: RefUtils["escapePointer"];
};

it.each([
  "#/components/schemas/Payment",
  "#/paths/~1v1~1payment~1list/post/requestBody",
  "#/components/schemas/a~0b~1c",
  "#/components/schemas/with%20space",
  "#/components/schemas/Юникод",
  "other.yaml#/components/schemas/Invoice",
  "other.yaml",
  "#/",
  "#",
  "",
])("parseRef(%j) is the same in Redocly 1 and 2", (ref) => {
  expect(redocly2.parseRef(ref)).toEqual(redocly1.parseRef(ref));
});

it.each(["application/json", "a/b~c", "~1", "plain", 3])("escapePointer(%j) is the same in Redocly 1 and 2", (part) => {
  expect(redocly2.escapePointerFragment(part)).toBe(redocly1.escapePointer(part));
});
