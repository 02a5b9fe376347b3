import { csvResponse } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { concentrationTable } from "@/lib/queries/reports/answer-tables";
import { parsePlanningFilters } from "@/lib/queries/filters/params";
import { getConcentration } from "@/lib/queries/concentration";

export const dynamic = "force-dynamic";

/** What /concentration shows, as CSV: the shares with HHI per dimension (default), or with table=loss the loss-of-one table. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const params = new URL(request.url).searchParams;
  const page = await getConcentration(caller.ctx, parsePlanningFilters(params));
  const table = concentrationTable(page, params.get("table") === "loss" ? "loss" : "shares");
  return csvResponse(table.fileName, table.header, table.rows, caller);
}
