import { can } from "@/lib/auth/permissions";
import { csvResponse, inBatches, mapRows } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { isoDay } from "@/lib/metrics/calendar";
import { parseUserListParams, userRows } from "@/lib/queries/settings/users";

export const dynamic = "force-dynamic";

/** The user list as CSV (never password hashes): exactly the rows the list shows, streamed; admins only. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  if (!can(caller.ctx.actor.role, "users.manage")) return new Response("Your role may not list users.", { status: 403 });
  const params = parseUserListParams(new URL(request.url).searchParams);
  const rows = inBatches((offset, limit) => userRows(caller.ctx, params, offset, limit));
  return csvResponse(
    `users-${isoDay(new Date())}.csv`,
    ["email", "name", "role", "disabled", "last_login_at", "created_at", "id"],
    mapRows(rows, (u) => [u.email, u.name, u.role, u.disabled, u.lastLoginAt, u.createdAt, u.id]),
    caller,
  );
}
