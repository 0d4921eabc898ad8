// A run record that cannot be read as one (generator/cache/store.ts) is no record: readRecord
// gives undefined, never an error, so a damaged cache only costs a full run. Given → want.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readRecord } from "../../generator/cache/store.js";

const dir = mkdtempSync(path.join(tmpdir(), "payspec-read-record-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const output = { outDir: "/x", owned: ["a"], recursive: false, files: [{ file: "a/b.ts", sha256: "00" }] };
const good = {
  version: "v",
  inputs: [
    { file: "specs/a.yaml", sha256: "11" },
    { file: "gone.yaml", sha256: null },
  ],
  output,
};

const garbage: readonly (readonly [string, string])[] = [
  ["empty", ""],
  ["not JSON", "{ not json"],
  ["cut short", JSON.stringify(good).slice(0, 40)],
  ["not an object", "[]"],
  ["null", "null"],
  ["version not a string", JSON.stringify({ ...good, version: 1 })],
  ["inputs not a list", JSON.stringify({ ...good, inputs: "x" })],
  ["an input without a hash", JSON.stringify({ ...good, inputs: [{ file: "a.yaml" }] })],
  ["no output", JSON.stringify({ version: "v", inputs: [] })],
  ["output's owned not strings", JSON.stringify({ ...good, output: { ...output, owned: [1] } })],
  ["output's recursive not a boolean", JSON.stringify({ ...good, output: { ...output, recursive: "no" } })],
  ["output's files not hashes", JSON.stringify({ ...good, output: { ...output, files: [{ sha256: "00" }] } })],
];

describe("readRecord", () => {
  it("reads a well-formed record back", async () => {
    const file = path.join(dir, "good.json");
    writeFileSync(file, JSON.stringify(good));
    expect(await readRecord(file)).toEqual(good);
  });

  it("gives undefined for a record that is not there", async () => {
    expect(await readRecord(path.join(dir, "missing.json"))).toBeUndefined();
  });

  it.each(garbage)("gives undefined for a record that is %s", async (name, text) => {
    const file = path.join(dir, `${name.replace(/\W+/g, "-")}.json`);
    writeFileSync(file, text);
    expect(await readRecord(file)).toBeUndefined();
  });
});
