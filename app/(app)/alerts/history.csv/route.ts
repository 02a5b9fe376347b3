import { exportCtx } from "@/lib/csv/export-ctx";
import { csvResponse, mapRows } from "@/lib/csv/response";
import { alertHistoryRows } from "@/lib/queries/alerts";
import { ALERT_HISTORY_HEADER, alertHistoryCsvRow } from "@/lib/queries/alerts/csv";

export const dynamic = "force-dynamic";

/** The alert history as /alerts lists it (every page): fired, repeated, acknowledged and resolved events, newest first. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  return csvResponse("alert-history.csv", ALERT_HISTORY_HEADER, mapRows(alertHistoryRows(caller.ctx), alertHistoryCsvRow), caller);
}
