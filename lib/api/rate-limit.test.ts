import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  const limit = { perMinute: 6, burst: 2 };

  it("lets a key spend its burst, then refuses it with the seconds until the next token", () => {
    const limiter = new RateLimiter();
    expect(limiter.take("a", limit, 0)).toEqual({ ok: true, remaining: 1 });
    expect(limiter.take("a", limit, 0)).toEqual({ ok: true, remaining: 0 });
    expect(limiter.take("a", limit, 0)).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(limiter.take("a", limit, 4_000)).toEqual({ ok: false, retryAfterSeconds: 6 });
    expect(limiter.take("a", limit, 10_000)).toEqual({ ok: true, remaining: 0 });
  });

  it("counts each key apart and never refills past the burst", () => {
    const limiter = new RateLimiter();
    limiter.take("a", limit, 0);
    limiter.take("a", limit, 0);
    expect(limiter.take("b", limit, 0).ok).toBe(true);
    expect(limiter.take("a", limit, 3_600_000)).toEqual({ ok: true, remaining: 1 });
  });
});
