import { can } from "@/lib/auth/permissions";
import { csvResponse, inBatches, mapRows } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { isoDay } from "@/lib/metrics/calendar";
import { apiKeyRows, parseApiKeyListParams } from "@/lib/queries/settings/api-keys";

export const dynamic = "force-dynamic";

/** The API key list as CSV (prefixes only, never keys or hashes): exactly the rows the list shows; admins only. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  if (!can(caller.ctx.actor.role, "api_keys.manage")) return new Response("Your role may not list API keys.", { status: 403 });
  const params = parseApiKeyListParams(new URL(request.url).searchParams);
  const rows = inBatches((offset, limit) => apiKeyRows(caller.ctx, params, offset, limit));
  return csvResponse(
    `api-keys-${isoDay(new Date())}.csv`,
    ["name", "prefix", "role", "created_by", "created_at", "last_used_at", "revoked_at", "id"],
    mapRows(rows, (k) => [k.name, k.prefix, k.role, k.creatorEmail, k.createdAt, k.lastUsedAt, k.revokedAt, k.id]),
    caller,
  );
}
