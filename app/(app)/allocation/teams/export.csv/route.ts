import { inBatches, csvResponse, mapRows } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { isoDay } from "@/lib/metrics/calendar";
import { parseTeamListParams, teamRows } from "@/lib/queries/teams";

export const dynamic = "force-dynamic";

// The import template's columns first (name, cost_centre, parent_team), so an export can be edited and loaded elsewhere.
const HEADER = ["name", "cost_centre", "parent_team", "path", "level", "active_sub_teams", "active_workloads", "archived_at", "id"];

/** The teams as CSV: exactly the rows the list shows with these filters, streamed. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const params = parseTeamListParams(new URL(request.url).searchParams);
  const rows = inBatches((offset, limit) => teamRows(caller.ctx, params, offset, limit));
  return csvResponse(
    `teams-${isoDay(new Date())}.csv`,
    HEADER,
    mapRows(rows, (t) => [t.name, t.costCentre, t.parentName, t.path, t.level, t.activeChildren, t.activeWorkloads, t.archivedAt, t.id]),
    caller,
  );
}
