import { exportCtx } from "@/lib/csv/export-ctx";
import { csvResponse } from "@/lib/csv/response";
import { isoDay } from "@/lib/metrics/calendar";
import { getBudgetsView, parseBudgetListParams } from "@/lib/queries/budgets";
import { BUDGET_CSV_HEADER, budgetCsvRow } from "@/lib/queries/budgets/csv";

export const dynamic = "force-dynamic";

/** The budgets as /budgets shows them with the same period and archived choice: amount, actual, forecast, thresholds. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const view = await getBudgetsView(caller.ctx, parseBudgetListParams(new URL(request.url).searchParams));
  return csvResponse(`budgets-${isoDay(view.at).slice(0, 7)}.csv`, BUDGET_CSV_HEADER, view.rows.map(budgetCsvRow), caller);
}
