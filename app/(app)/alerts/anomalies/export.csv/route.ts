import { exportCtx } from "@/lib/csv/export-ctx";
import { csvResponse } from "@/lib/csv/response";
import { pageClock } from "@/lib/cache/read";
import { ANOMALY_CSV_HEADER, anomalyCsvRow } from "@/lib/queries/anomalies/csv";
import { parseAnomalyParams } from "@/lib/queries/anomalies/params";
import { getAnomaliesView } from "@/lib/queries/anomalies/view";

export const dynamic = "force-dynamic";

/** The anomalies table of /alerts/anomalies with the same provider and kind filters. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const view = await getAnomaliesView(caller.ctx, parseAnomalyParams(new URL(request.url).searchParams), pageClock());
  return csvResponse(`anomalies-${view.from}-to-${view.to}.csv`, ANOMALY_CSV_HEADER, view.rows.map(anomalyCsvRow), caller);
}
