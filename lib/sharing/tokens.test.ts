import { describe, expect, it } from "vitest";
import { DEFAULT_EXPIRY_DAYS, generateShareToken, hashShareToken, MAX_EXPIRY_DAYS, sameHash, shareExpiry } from "./tokens";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe("share tokens", () => {
  it("carries 256 random bits as 43 base64url characters, never a UUID", () => {
    const { token } = generateShareToken();
    expect(token).toHaveLength(43);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(token).not.toMatch(UUID);
  });

  it("draws a different token every time", () => {
    const tokens = new Set(Array.from({ length: 2000 }, () => generateShareToken().token));
    expect(tokens.size).toBe(2000);
  });

  it("spreads its characters over the whole alphabet (no fixed or low-entropy parts)", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) for (const c of generateShareToken().token.slice(0, 42)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(64);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const entropyBits = -[...counts.values()].reduce((h, n) => h + (n / total) * Math.log2(n / total), 0);
    expect(entropyBits).toBeGreaterThan(5.9); // of at most 6 bits per character
  });

  it("stores a SHA-256 hex digest that never equals the token", () => {
    const { token, tokenHash } = generateShareToken();
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).not.toBe(token);
    expect(tokenHash).not.toContain(token);
    expect(hashShareToken(token)).toBe(tokenHash);
    expect(hashShareToken(`${token}x`)).not.toBe(tokenHash);
  });

  it("compares hashes only when they are equal in length and content", () => {
    const a = hashShareToken("a");
    expect(sameHash(a, hashShareToken("a"))).toBe(true);
    expect(sameHash(a, hashShareToken("b"))).toBe(false);
    expect(sameHash(a, a.slice(1))).toBe(false);
  });
});

describe("share expiry", () => {
  const now = new Date("2026-11-27T10:00:00Z");

  it("defaults to 30 days", () => {
    expect(DEFAULT_EXPIRY_DAYS).toBe(30);
    expect(shareExpiry(undefined, now).toISOString()).toBe("2026-12-27T10:00:00.000Z");
  });

  it("accepts one day up to one year", () => {
    expect(shareExpiry(1, now).toISOString()).toBe("2026-11-28T10:00:00.000Z");
    expect(shareExpiry(MAX_EXPIRY_DAYS, now).toISOString()).toBe("2027-11-27T10:00:00.000Z");
  });

  it("refuses zero, negative, fractional and over-a-year lifetimes", () => {
    for (const days of [0, -1, 1.5, 366, 10_000, Number.NaN]) expect(() => shareExpiry(days, now)).toThrow(RangeError);
  });
});
