import { exportCtx } from "@/lib/csv/export-ctx";
import { csvResponse } from "@/lib/csv/response";
import { isoDay } from "@/lib/metrics/calendar";
import { getUtilizationFromUrl } from "@/lib/queries/utilization";
import { SERIES_HEADER, seriesCsvRows } from "@/lib/queries/utilization/points";

export const dynamic = "force-dynamic";

/** The utilization series of /utilization (per month or day and group) with the same filters. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const { view } = await getUtilizationFromUrl(caller.ctx, new URL(request.url).searchParams);
  return csvResponse(`utilization-${view.grain}-${isoDay(view.asOf)}.csv`, SERIES_HEADER, seriesCsvRows(view), caller);
}
