import { csvResponse, inBatches, mapRows } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { parseNoticeDays } from "@/lib/exports/notice";
import { RENEWALS_HEADER, renewalCsvRow, renewalPage } from "@/lib/exports/renewals";
import { ValidationError } from "@/lib/errors";
import { isoDay } from "@/lib/metrics/calendar";

export const dynamic = "force-dynamic";

/** Contracts and reservations ending in the next 12 months with their notice dates, streamed. */
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
  return csvResponse(`renewals-${isoDay(asOf)}.csv`, RENEWALS_HEADER, mapRows(rows, renewalCsvRow));
}
