import { apiKeyAuth } from "@/lib/auth/api-keys";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import type { Permission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { apiRateLimit } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import { errorEvent } from "@/lib/ingest/http";
import { RateLimiter } from "./rate-limit";

const limiter = new RateLimiter();

const HEADERS = { "cache-control": "no-store", "x-content-type-options": "nosniff" };

/**
 * A read endpoint with an API key: 401 without a valid key, 429 (Retry-After) once the key's token bucket is empty,
 * 403 when the key's role lacks `permission`, 400 for a bad query (naming the field), else `read`'s answer as JSON
 * (or as text when it returns a string, with `contentType`).
 */
export async function apiRead(
  request: Request,
  permission: Permission,
  read: (ctx: Ctx, url: URL) => Promise<unknown>,
  contentType = "application/json",
): Promise<Response> {
  try {
    const { ctx, keyId } = await apiKeyAuth(await getDb(), request);
    const taken = limiter.take(keyId, apiRateLimit());
    if (!taken.ok) {
      const seconds = taken.retryAfterSeconds;
      return Response.json(
        { error: `Too many requests with this API key; retry in ${seconds} s.` },
        { status: 429, headers: { ...HEADERS, "retry-after": String(seconds) } },
      );
    }
    requirePermission(ctx, permission);
    const body = await read(ctx, new URL(request.url));
    if (typeof body === "string") return new Response(body, { headers: { ...HEADERS, "content-type": contentType } });
    return Response.json(body, { headers: HEADERS });
  } catch (error) {
    const e = errorEvent(error);
    const fields = error instanceof ValidationError && Object.keys(error.fieldErrors).length ? { fields: error.fieldErrors } : {};
    return Response.json({ error: e.error, ...fields }, { status: e.status, headers: HEADERS });
  }
}
