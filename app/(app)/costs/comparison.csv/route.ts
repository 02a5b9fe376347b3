import { exportCtx } from "@/lib/csv/export-ctx";
import { csvResponse } from "@/lib/csv/response";
import { COMPARISON_HEADER, comparisonCsvRow } from "@/lib/queries/costs/export-rows";
import { profileMap } from "@/lib/queries/costs/workload-profile";
import { isoDay } from "@/lib/metrics/calendar";
import { getCostsFromUrl } from "@/lib/queries/costs/from-url";
import { parsePlanningFilters } from "@/lib/queries/filters/params";

export const dynamic = "force-dynamic";

/** The provider comparison of /costs with the same filters and workload profile: one row per provider × family. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const params = new URL(request.url).searchParams;
  const filters = parsePlanningFilters(params);
  // The comparison is of every block and charge: it cannot be split by workload, so it is not given under that filter.
  if (filters.team || filters.workload)
    return new Response("The provider comparison cannot be split by team or workload; export it without that filter.", { status: 400 });
  const { view } = await getCostsFromUrl(caller.ctx, params);
  const tps = profileMap(view.comparison.profile);
  function* rows() {
    for (const r of view.comparison.rows) yield comparisonCsvRow(r, tps);
  }
  return csvResponse(`provider-comparison-${isoDay(view.asOf)}.csv`, COMPARISON_HEADER, rows(), caller);
}
