import { exportCtx } from "@/lib/csv/export-ctx";
import { csvResponse } from "@/lib/csv/response";
import { isoDay } from "@/lib/metrics/calendar";
import { getUtilizationFromUrl } from "@/lib/queries/utilization";
import { BLOCKS_HEADER, blockCsvRow } from "@/lib/queries/utilization/points";

export const dynamic = "force-dynamic";

/** Every block of /utilization with the same filters: capacity, use, idle hours and idle cost, largest idle cost first. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const { view } = await getUtilizationFromUrl(caller.ctx, new URL(request.url).searchParams);
  function* rows() {
    for (const b of view.blocks) yield blockCsvRow(b);
  }
  return csvResponse(`utilization-blocks-${isoDay(view.asOf)}.csv`, BLOCKS_HEADER, rows(), caller);
}
