import { describe, expect, it } from "vitest";
import { parseRetryAfter, retryableStatus, retryDelay, retryPolicy, sleep } from "../../generator/runtime/retry.js";

describe("retry policy", () => {
  it.each([
    { client: {}, call: undefined, idempotent: true, want: 3 },
    { client: { attempts: 5 }, call: undefined, idempotent: true, want: 5 },
    { client: { attempts: 5 }, call: { attempts: 2 }, idempotent: true, want: 2 },
    { client: false as const, call: { attempts: 4 }, idempotent: true, want: 1 },
    { client: { attempts: 5 }, call: false as const, idempotent: true, want: 1 },
    { client: { attempts: 5 }, call: undefined, idempotent: false, want: 1 },
  ])("attempts for $client / $call / idempotent=$idempotent → $want", ({ client, call, idempotent, want }) => {
    expect(retryPolicy(client, call, idempotent).attempts).toBe(want);
  });

  it.each([
    [408, true],
    [429, true],
    [500, true],
    [503, true],
    [400, false],
    [401, false],
    [404, false],
    [422, false],
  ])("status %i retryable: %s", (status, want) => {
    expect(retryableStatus(status)).toBe(want);
  });

  it("parses Retry-After seconds and HTTP dates", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it("backs off exponentially with full jitter, capped; Retry-After wins, capped", () => {
    const policy = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 }, undefined, true);
    const max = () => 0.999999;
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(policy, n, undefined, max))).toEqual([99, 199, 399, 799, 999]);
    expect(retryDelay(policy, 3, undefined, () => 0)).toBe(0);
    expect(retryDelay(policy, 1, 2000)).toBe(2000);
    expect(retryDelay(policy, 1, 60_000)).toBe(5000);
  });

  it("sleep rejects as soon as the signal aborts", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const waiting = sleep(10_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
