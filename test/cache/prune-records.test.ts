// Every folder and option set a run is made with leaves a run record in the cache; a
// successful write keeps the KEPT_RECORDS most recently written and removes the rest, and
// touches nothing else in the folder (generator/cache/store.ts).
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { KEPT_RECORDS, readRecord, recordFile, writeRecord } from "../../generator/cache/store.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const record = { version: "v", inputs: [], output: { outDir: "/x", owned: [], recursive: false, files: [] } };

it("keeps the records written last, and nothing else is removed", async () => {
  dir = mkdtempSync(path.join(tmpdir(), "payspec-prune-"));
  const cache = { dir, version: "v" };
  // Older records first: record i was written i minutes after the first.
  const old = Array.from({ length: KEPT_RECORDS + 9 }, (_, i) => {
    const file = recordFile(cache, `configuration ${i}`);
    writeFileSync(file, JSON.stringify(record));
    const at = new Date(Date.UTC(2026, 0, 1, 0, i));
    utimesSync(file, at, at);
    return path.basename(file);
  });
  for (const other of ["code-0123", "generator-abc", "floor-1", "notes.json"]) writeFileSync(path.join(dir, other), "");

  const fresh = recordFile(cache, "the configuration just run");
  await writeRecord(fresh, record);

  const left = readdirSync(dir);
  expect(left.filter((n) => n.startsWith("run-")).sort()).toEqual(
    [...old.slice(old.length - (KEPT_RECORDS - 1)), path.basename(fresh)].sort(),
  );
  expect(left).toEqual(expect.arrayContaining(["code-0123", "generator-abc", "floor-1", "notes.json"]));
  expect(await readRecord(fresh)).toEqual(record);
});

it("prunes nothing while there are no more than KEPT_RECORDS", async () => {
  dir = mkdtempSync(path.join(tmpdir(), "payspec-prune-"));
  const cache = { dir, version: "v" };
  for (let i = 0; i < KEPT_RECORDS; i++) await writeRecord(recordFile(cache, `configuration ${i}`), record);
  expect(readdirSync(dir).filter((n) => n.startsWith("run-"))).toHaveLength(KEPT_RECORDS);
});
