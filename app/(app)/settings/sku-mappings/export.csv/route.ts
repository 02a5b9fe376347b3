import { csvResponse, inBatches, mapRows } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { isoDay } from "@/lib/metrics/calendar";
import { parseSkuMappingListParams, skuMappingRows } from "@/lib/queries/settings/sku-mappings";

export const dynamic = "force-dynamic";

/** The SKU mapping list as CSV: exactly the rows the list shows with these filters, streamed. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const params = parseSkuMappingListParams(new URL(request.url).searchParams);
  const rows = inBatches((offset, limit) => skuMappingRows(caller.ctx, params, offset, limit));
  return csvResponse(
    `sku-mappings-${isoDay(new Date())}.csv`,
    ["provider", "sku_id", "region_id", "accelerator_type", "accelerators_per_unit", "charges_matched", "archived", "id"],
    mapRows(rows, (m) => [
      m.providerName,
      m.skuId,
      m.regionId,
      m.acceleratorTypeName,
      { number: m.acceleratorsPerUnit },
      m.charges,
      m.archivedAt ? "yes" : "no",
      m.id,
    ]),
    caller,
  );
}
