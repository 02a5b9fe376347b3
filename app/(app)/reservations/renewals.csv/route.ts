import { exportCtx, parseQuery } from "@/lib/csv/export-ctx";
import { csvResponse, mapRows } from "@/lib/csv/response";
import { parseNoticeDays } from "@/lib/queries/reservations/notice";
import { RENEWALS_HEADER, renewalCsvRow, renewalRows } from "@/lib/queries/reservations/renewals";
import { isoDay } from "@/lib/metrics/calendar";

export const dynamic = "force-dynamic";

/** Contracts and reservations ending in the next 12 months with their notice dates (`?notice=` days), streamed. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const notice = parseQuery(() => parseNoticeDays(new URL(request.url).searchParams));
  if ("refused" in notice) return notice.refused;
  const asOf = new Date();
  return csvResponse(
    `renewals-${isoDay(asOf)}.csv`,
    RENEWALS_HEADER,
    mapRows(renewalRows(caller.ctx, asOf, notice.value), renewalCsvRow),
    caller,
  );
}
