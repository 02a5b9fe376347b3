import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { apiKeys } from "@/lib/db/schema";
import { UnauthorizedError } from "@/lib/errors";
import type { Ctx } from "@/lib/auth/context";

// API keys: `hr_` + 32 random bytes (base64url). Only the SHA-256 of the whole key is stored, with its
// first characters as a prefix to recognise it in lists. The clear key is shown once, at creation.

export const API_KEY_PREFIX_LENGTH = 11; // "hr_" + 8 characters

export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const key = `hr_${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, API_KEY_PREFIX_LENGTH), keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** The bearer key of a request: `Authorization: Bearer hr_…` or `X-Api-Key: hr_…`. */
export function apiKeyFromRequest(request: Request): string | null {
  const auth = request.headers.get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) return auth.slice(7).trim() || null;
  return request.headers.get("x-api-key")?.trim() || null;
}

/** How stale "last used" may get: a key scraped every 15 s (Prometheus) writes its row once a minute, not per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolves a request's API key to a service context and the key's id (the read API's rate limit counts per key).
 * Unknown and revoked keys are refused with the same message; a revoked key stops working on the very next request
 * since every call reads the row. "Last used" is written when it is older than LAST_USED_RESOLUTION_MS.
 */
export async function apiKeyAuth(db: Db, request: Request, now: Date = new Date()): Promise<{ ctx: Ctx; keyId: string }> {
  const key = apiKeyFromRequest(request);
  if (!key || !key.startsWith("hr_")) throw new UnauthorizedError("An API key is required (Authorization: Bearer hr_…).");
  const [row] = await db
    .select({ id: apiKeys.id, name: apiKeys.name, role: apiKeys.role, prefix: apiKeys.prefix, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(key)), isNull(apiKeys.revokedAt)));
  if (!row) throw new UnauthorizedError("This API key is not valid (unknown or revoked).");
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < staleBefore) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))));
  }
  return {
    ctx: { db, actor: { id: null, email: `api-key:${row.name} (${row.prefix}…)`, role: row.role, kind: "api_key" } },
    keyId: row.id,
  };
}

/** A request's API key as a service context (apiKeyAuth without the key's id). */
export async function apiKeyCtx(db: Db, request: Request): Promise<Ctx> {
  return (await apiKeyAuth(db, request)).ctx;
}
