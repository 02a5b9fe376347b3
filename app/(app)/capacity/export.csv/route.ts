import { csvResponse } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { parsePlanningFilters } from "@/lib/queries/filters/params";
import { isoDay } from "@/lib/metrics/calendar";
import { getCapacity } from "@/lib/queries/capacity";
import { capacityCsv, CAPACITY_TABLES, type CapacityTable } from "@/lib/queries/capacity/csv";

export const dynamic = "force-dynamic";

/** The gap table (default), the chart's monthly totals or the runways of /capacity, for the same filters, streamed. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const params = new URL(request.url).searchParams;
  const table = (CAPACITY_TABLES as readonly string[]).includes(params.get("table") ?? "") ? (params.get("table") as CapacityTable) : "gap";
  const filters = parsePlanningFilters(params, { defaults: { by: "family", unit: "h100e" } });
  const view = await getCapacity(caller.ctx, filters);
  const { header, rows } = capacityCsv(view, table);
  return csvResponse(`capacity-${table}-${isoDay(view.asOf)}.csv`, header, rows, caller);
}
