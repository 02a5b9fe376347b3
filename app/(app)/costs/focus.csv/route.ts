import { csvBytesResponse } from "@/lib/csv/response";
import { exportCtx, parseQuery } from "@/lib/csv/export-ctx";
import { focusCostCsv, parseFocusCostFilter } from "@/lib/queries/costs/focus-csv";
import { isoDay } from "@/lib/metrics/calendar";

export const dynamic = "force-dynamic";

/** Imported billing as a FOCUS-shaped CSV (`?from=&to=` charge-period days), written by the database's own CSV writer and streamed. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const filter = parseQuery(() => parseFocusCostFilter(new URL(request.url).searchParams));
  if ("refused" in filter) return filter.refused;
  return csvBytesResponse(`focus-costs-${isoDay(new Date())}.csv`, focusCostCsv(caller.ctx, filter.value), caller);
}
