import { inBatches, mapRows } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { icsResponse } from "@/lib/exports/ical";
import { parseNoticeDays } from "@/lib/exports/notice";
import { renewalEvent, renewalPage } from "@/lib/exports/renewals";
import { ValidationError } from "@/lib/errors";
import { isoDay } from "@/lib/metrics/calendar";

export const dynamic = "force-dynamic";

/** Renewals in the next 12 months as an RFC 5545 calendar: one all-day event per contract or block on its notice date. */
export async function GET(request: Request) {
  const caller = await exportCtx();
  if ("refused" in caller) return caller.refused;
  let notice: number;
  try {
    notice = parseNoticeDays(new URL(request.url).searchParams);
  } catch (error) {
    if (error instanceof ValidationError) return new Response(error.message, { status: 400 });
    throw error;
  }
  const asOf = new Date();
  const rows = inBatches((offset, limit) => renewalPage(caller.ctx, asOf, notice, offset, limit));
  return icsResponse(`renewals-${isoDay(asOf)}.ics`, mapRows(rows, (r) => renewalEvent(r, asOf)));
}
