import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { benchBundle } from "../../bench/bundle.js";
import { REPO } from "../../bench/lib/paths.js";

// The size gate: a client bundle may not grow past its recorded size unnoticed (as openapi-fetch
// guards its own). Sizes are deterministic for pinned esbuild and sources, so the margin only
// absorbs a small deliberate change; anything bigger updates bench/bundle-sizes.json on purpose.
const RECORD = path.join(REPO, "bench", "bundle-sizes.json");
const MARGIN = 1.03;
const recorded = JSON.parse(readFileSync(RECORD, "utf8")) as Record<string, unknown>;

describe("bundle size gate (bench/bundle-sizes.json)", () => {
  // One bundling of the three clients serves both checks, made when the first of them runs.
  let bundling: ReturnType<typeof benchBundle> | undefined;
  const bundled = () => (bundling ??= benchBundle());

  it("every provider's import + one call stays within its recorded min+gzip size plus 3%", async () => {
    const { figures } = await bundled();
    const sizes = Object.fromEntries(figures.map((f) => [f.api, f.gzip]));
    expect(Object.keys(sizes).sort(), "a recorded size per provider").toEqual(
      Object.keys(recorded)
        .filter((k) => !k.startsWith("$"))
        .sort(),
    );
    const grown = figures.filter((f) => f.gzip > (recorded[f.api] as number) * MARGIN);
    expect(
      grown.map((f) => `${f.api}: ${f.gzip} B, recorded ${String(recorded[f.api])} B`),
      `now: ${JSON.stringify(sizes)}`,
    ).toEqual([]);
  }, 60_000);

  it("a client's bundle carries no byte of the webhook verifiers (its index re-exports them; the call does not use them)", async () => {
    const { figures } = await bundled();
    for (const f of figures)
      expect(
        f.modules.filter((m) => /^generated\/runtime\/(webhook|php-json|sorted-json|constant-time)/.test(m.module)),
        f.api,
      ).toEqual([]);
  }, 60_000);
});
