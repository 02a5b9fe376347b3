import { exportCtx } from "@/lib/csv/export-ctx";
import { csvResponse } from "@/lib/csv/response";
import { SELECTION_SPEND_HEADER, SPEND_HEADER, selectionSpendCsvRow, spendCsvRow } from "@/lib/queries/costs/export-rows";
import { getSelectionCostsFromUrl } from "@/lib/queries/costs/selection";
import { isoDay } from "@/lib/metrics/calendar";
import { getCostsFromUrl } from "@/lib/queries/costs/from-url";

export const dynamic = "force-dynamic";

/**
 * Spend per month, provider and family of /costs with the same filters, each row actual or planned; under the team /
 * workload filter, the selection's showback per month (own cost by part, shared apart), as the page shows it.
 */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const params = new URL(request.url).searchParams;
  const selected = await getSelectionCostsFromUrl(caller.ctx, params);
  if (selected) {
    const { filters, costs } = selected;
    const perWorkload = filters.workload !== null;
    const showback = function* () {
      for (const m of costs.months) yield selectionSpendCsvRow(m.month.from, costs.selection.label, m.cost, perWorkload);
    };
    return csvResponse(`showback-${isoDay(costs.asOf)}.csv`, SELECTION_SPEND_HEADER, showback(), caller);
  }
  const { view } = await getCostsFromUrl(caller.ctx, params);
  function* rows() {
    for (const c of view.cells) yield spendCsvRow(c);
  }
  return csvResponse(`spend-${isoDay(view.asOf)}.csv`, SPEND_HEADER, rows(), caller);
}
