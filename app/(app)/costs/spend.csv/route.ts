import { exportCtx } from "@/lib/csv/export-ctx";
import { csvResponse } from "@/lib/csv/response";
import { SPEND_HEADER, spendCsvRow } from "@/lib/queries/costs/export-rows";
import { isoDay } from "@/lib/metrics/calendar";
import { getCostsFromUrl } from "@/lib/queries/costs/from-url";

export const dynamic = "force-dynamic";

/** Spend per month, provider and family of /costs with the same filters, each row actual or planned. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const { view } = await getCostsFromUrl(caller.ctx, new URL(request.url).searchParams);
  function* rows() {
    for (const c of view.cells) yield spendCsvRow(c);
  }
  return csvResponse(`spend-${isoDay(view.asOf)}.csv`, SPEND_HEADER, rows(), caller);
}
