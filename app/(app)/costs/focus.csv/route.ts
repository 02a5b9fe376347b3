import { csvBytesResponse } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { focusCostCsv, parseFocusCostFilter, type FocusCostFilter } from "@/lib/exports/focus-costs";
import { ValidationError } from "@/lib/errors";
import { isoDay } from "@/lib/metrics/calendar";

export const dynamic = "force-dynamic";

/** Imported billing as a FOCUS-shaped CSV (`?from=&to=` charge-period days), written by the database's own CSV writer and streamed. */
export async function GET(request: Request) {
  const caller = await exportCtx();
  if ("refused" in caller) return caller.refused;
  let filter: FocusCostFilter;
  try {
    filter = parseFocusCostFilter(new URL(request.url).searchParams);
  } catch (error) {
    if (error instanceof ValidationError) return new Response(error.message, { status: 400 });
    throw error;
  }
  return csvBytesResponse(`focus-costs-${isoDay(new Date())}.csv`, focusCostCsv(caller.ctx, filter));
}
