import { csvResponse, inBatches, mapRows } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { num } from "@/lib/csv/write";
import { isoDay } from "@/lib/metrics/calendar";
import { parseSiteListParams, siteRows } from "@/lib/queries/sites";

export const dynamic = "force-dynamic";

const HEADER = ["name", "provider", "region_code", "country", "pue", "budget_mw_today", "accelerators_now", "archived_at", "id"];

/** The site register as CSV: exactly the rows the list shows with these filters, streamed. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const params = parseSiteListParams(new URL(request.url).searchParams);
  const rows = inBatches((offset, limit) => siteRows(caller.ctx, params, offset, limit));
  return csvResponse(
    `sites-${isoDay(new Date())}.csv`,
    HEADER,
    mapRows(rows, (s) => [
      s.name,
      s.providerName,
      s.regionCode,
      s.country,
      num(s.pue),
      num(s.budgetMwToday),
      s.acceleratorsNow,
      s.archivedAt,
      s.id,
    ]),
    caller,
  );
}
