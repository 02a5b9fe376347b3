import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Share links: a token of 32 random bytes (256 bits) in base64url — 43 characters, not a UUID. Only the
// SHA-256 (hex) of the token is stored; the clear token is shown once, when the link is created. A lookup
// hashes what the visitor sent and finds the row by that hash, so no comparison ever runs on the clear token.

export const SHARE_TOKEN_BYTES = 32;
/**
 * Characters of the token kept in clear to tell links apart in the list ("/r/Xk3_9q…"): 6 base64url characters are
 * 36 of the token's 256 bits, so the 220 bits left still cannot be guessed, and the prefix alone opens nothing.
 */
export const SHARE_TOKEN_PREFIX_LENGTH = 6;
export const DEFAULT_EXPIRY_DAYS = 30;
export const MAX_EXPIRY_DAYS = 365;
export const MIN_EXPIRY_DAYS = 1;

const DAY_MS = 24 * 60 * 60 * 1000;

export function generateShareToken(): { token: string; tokenHash: string; tokenPrefix: string } {
  const token = randomBytes(SHARE_TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashShareToken(token), tokenPrefix: token.slice(0, SHARE_TOKEN_PREFIX_LENGTH) };
}

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Compares two hex digests in constant time (false when their lengths differ). */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The expiry of a link created at `now` that lasts `days` whole days (default 30, between 1 and 365). */
export function shareExpiry(days: number | undefined, now: Date = new Date()): Date {
  const d = days ?? DEFAULT_EXPIRY_DAYS;
  if (!Number.isInteger(d) || d < MIN_EXPIRY_DAYS || d > MAX_EXPIRY_DAYS) {
    throw new RangeError(`A share link lasts between ${MIN_EXPIRY_DAYS} and ${MAX_EXPIRY_DAYS} days (got ${days}).`);
  }
  return new Date(now.getTime() + d * DAY_MS);
}
