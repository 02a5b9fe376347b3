import { csvResponse } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { powerTable } from "@/lib/queries/reports/answer-tables";
import { parsePlanningFilters } from "@/lib/queries/filters/params";
import { getPowerPage, POWER_DEFAULTS } from "@/lib/queries/power";

export const dynamic = "force-dynamic";

/** What /power shows, as CSV: every site × month (default), or with table=causes the blocks drawing power in one site-month. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const params = new URL(request.url).searchParams;
  const filters = parsePlanningFilters(params, { defaults: POWER_DEFAULTS });
  const page = await getPowerPage(caller.ctx, filters, params.get("cause"));
  const table = powerTable(page, params.get("table") === "causes" ? "causes" : "sites");
  return csvResponse(table.fileName, table.header, table.rows, caller);
}
