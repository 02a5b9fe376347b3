import type { ApiRateLimit } from "@/lib/env";

// A token bucket per API key id, in this process's memory: each app instance counts its own requests, so behind a
// load balancer a key may make up to (instances × limit). A bucket holds `burst` tokens and refills `perMinute` a
// minute; a request takes one token or is refused with the whole seconds until the next token.

type Bucket = { tokens: number; at: number };

/** Buckets kept at most; past it the least recently used is dropped (it starts full again if its key returns). */
const MAX_BUCKETS = 10_000;

export type TakeResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  take(key: string, limit: ApiRateLimit, now = Date.now()): TakeResult {
    const perMs = limit.perMinute / 60_000;
    const previous = this.buckets.get(key);
    const tokens = previous ? Math.min(limit.burst, previous.tokens + (now - previous.at) * perMs) : limit.burst;
    if (tokens >= 1) {
      this.remember(key, { tokens: tokens - 1, at: now });
      return { ok: true, remaining: Math.floor(tokens - 1) };
    }
    this.remember(key, { tokens, at: now });
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
  }

  private remember(key: string, bucket: Bucket): void {
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size <= MAX_BUCKETS) return;
    const oldest = this.buckets.keys().next().value;
    if (oldest !== undefined) this.buckets.delete(oldest);
  }
}
