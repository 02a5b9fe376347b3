import { exportCtx, parseQuery } from "@/lib/csv/export-ctx";
import { mapRows } from "@/lib/csv/response";
import { icsResponse } from "@/lib/csv/ical";
import { parseNoticeDays } from "@/lib/queries/reservations/notice";
import { renewalEvent, renewalRows } from "@/lib/queries/reservations/renewals";
import { isoDay } from "@/lib/metrics/calendar";

export const dynamic = "force-dynamic";

/** Renewals in the next 12 months as an RFC 5545 calendar: one all-day event per contract or block on its notice date. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const notice = parseQuery(() => parseNoticeDays(new URL(request.url).searchParams));
  if ("refused" in notice) return notice.refused;
  const asOf = new Date();
  return icsResponse(
    `renewals-${isoDay(asOf)}.ics`,
    mapRows(renewalRows(caller.ctx, asOf, notice.value), (r) => renewalEvent(r, asOf)),
  );
}
