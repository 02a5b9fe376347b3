import { describe, expect, it } from "vitest";
import { afterFailure, MAX_ATTEMPTS, retryDelayMs } from "./backoff";

describe("back-off", () => {
  it("waits 1, 2, 4 and 8 minutes, then gives up after the fifth attempt", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    const now = new Date("2026-12-07T08:00:00Z");
    expect(afterFailure(1, now)).toEqual({ status: "pending", nextAttemptAt: new Date("2026-12-07T08:01:00Z") });
    expect(afterFailure(4, now)).toEqual({ status: "pending", nextAttemptAt: new Date("2026-12-07T08:08:00Z") });
    expect(afterFailure(MAX_ATTEMPTS, now)).toEqual({ status: "failed" });
  });
});
