import { exportCtx } from "@/lib/csv/export-ctx";
import { csvResponse } from "@/lib/csv/response";
import { pageClock } from "@/lib/cache/read";
import { addUtcMonths } from "@/lib/metrics/calendar";
import { CHARGEBACK_HEADER, chargebackRows } from "@/lib/queries/allocation/chargeback";
import { getShowbackView, parseShowbackRange } from "@/lib/queries/allocation/showback-view";

export const dynamic = "force-dynamic";

/** Chargeback per team and month of /allocation's range (?from=YYYY-MM&to=YYYY-MM), plus an Unallocated row a month. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const asOf = pageClock();
  const range = parseShowbackRange(new URL(request.url).searchParams, asOf);
  const view = await getShowbackView(caller.ctx, range, asOf);
  const name = `chargeback-${range.from.toISOString().slice(0, 7)}-to-${addUtcMonths(range.to, -1).toISOString().slice(0, 7)}.csv`;
  return csvResponse(name, CHARGEBACK_HEADER, chargebackRows(view), caller);
}
