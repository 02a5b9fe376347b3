import { csvResponse, inBatches, mapRows } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { isoDay } from "@/lib/metrics/calendar";
import { parseUnmatchedListParams, unmatchedGroupRows } from "@/lib/queries/costs/unmatched";

export const dynamic = "force-dynamic";

/** The unmatched charges as CSV: the groups the page shows with these filters, exact totals, streamed. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const params = parseUnmatchedListParams(new URL(request.url).searchParams);
  const rows = inBatches((offset, limit) => unmatchedGroupRows(caller.ctx, params, offset, limit));
  return csvResponse(
    `unmatched-charges-${isoDay(new Date())}.csv`,
    ["provider", "service_name", "sku_id", "region_id", "currency", "charges", "effective_cost"],
    mapRows(rows, (g) => [g.provider, g.serviceName, g.skuId, g.regionId, g.currency, g.rows, { number: g.effectiveCost }]),
    caller,
  );
}
