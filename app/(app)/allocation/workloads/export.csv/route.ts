import { inBatches, csvResponse, mapRows } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { num } from "@/lib/csv/write";
import { isoDay } from "@/lib/metrics/calendar";
import { parseWorkloadListParams, workloadRows } from "@/lib/queries/workloads";

export const dynamic = "force-dynamic";

// The import template's columns first, so an export can be edited and loaded elsewhere.
const HEADER = ["name", "kind", "team", "active_from", "active_to", "sale_price", "currency", "notes", "archived_at", "id"];

/** The workloads as CSV: exactly the rows the list shows with these filters, streamed; sale prices exact. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const params = parseWorkloadListParams(new URL(request.url).searchParams);
  const rows = inBatches((offset, limit) => workloadRows(caller.ctx, params, offset, limit));
  return csvResponse(
    `workloads-${isoDay(new Date())}.csv`,
    HEADER,
    mapRows(rows, (w) => [w.name, w.kind, w.teamName, w.activeFrom, w.activeTo, num(w.salePrice), w.currency, w.notes, w.archivedAt, w.id]),
    caller,
  );
}
