import { csvResponse } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { isUuid } from "@/lib/db/uuid";
import { isoDay } from "@/lib/metrics/calendar";
import { METRICS_CSV_HEADER, workloadMetricCsvRows } from "@/lib/queries/business-metrics";

export const dynamic = "force-dynamic";

/** A workload's business metrics, every row, in the import's columns (so the file can be corrected and sent back). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const { id } = await params;
  if (!isUuid(id)) return new Response("No such workload.", { status: 404 });
  return csvResponse(`business-metrics-${isoDay(new Date())}.csv`, METRICS_CSV_HEADER, workloadMetricCsvRows(caller.ctx, id), caller);
}
