import { csvResponse, inBatches, mapRows } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { isoDay } from "@/lib/metrics/calendar";
import { parseProviderListParams, providerRows } from "@/lib/queries/settings/providers";

export const dynamic = "force-dynamic";

/** The provider list as CSV: exactly the rows the list shows with these filters, streamed. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const params = parseProviderListParams(new URL(request.url).searchParams);
  const rows = inBatches((offset, limit) => providerRows(caller.ctx, params, offset, limit));
  return csvResponse(
    `providers-${isoDay(new Date())}.csv`,
    ["name", "kind", "sites", "contracts", "archived_at", "id"],
    mapRows(rows, (p) => [p.name, p.kind, p.siteCount, p.contractCount, p.archivedAt, p.id]),
    caller,
  );
}
