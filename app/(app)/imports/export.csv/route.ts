import { exportCtx } from "@/lib/csv/export-ctx";
import { csvResponse, inBatches, mapRows } from "@/lib/csv/response";
import { num } from "@/lib/csv/write";
import { isoDay } from "@/lib/metrics/calendar";
import { importRows, parseImportListParams } from "@/lib/queries/imports";

export const dynamic = "force-dynamic";

const HEADER = [
  "id",
  "started_at",
  "finished_at",
  "kind",
  "file_name",
  "rows",
  "status",
  "errors",
  "billed_cost",
  "effective_cost",
  "currency",
  "created_by",
];

/** The import history as CSV: exactly the rows the list shows with these filters, streamed. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const params = parseImportListParams(new URL(request.url).searchParams);
  const rows = inBatches((offset, limit) => importRows(caller.ctx, params, offset, limit));
  return csvResponse(
    `imports-${isoDay(new Date())}.csv`,
    HEADER,
    mapRows(rows, (i) => [
      i.id,
      i.createdAt,
      i.finishedAt,
      i.kind,
      i.fileName,
      i.rows,
      i.status,
      i.errorCount,
      num(i.billedCost),
      num(i.effectiveCost),
      i.currency,
      i.createdBy,
    ]),
    caller,
  );
}
