import { inBatches, csvResponse, mapRows } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { num } from "@/lib/csv/write";
import { isoDay } from "@/lib/metrics/calendar";
import { offerRows, parseOfferListParams } from "@/lib/queries/offers";

export const dynamic = "force-dynamic";

const HEADER = [
  "provider",
  "site",
  "region",
  "accelerator_type",
  "family",
  "pricing_model",
  "term_months",
  "rate",
  "currency",
  "capex_per_accelerator",
  "facility_capex_per_w",
  "depreciation_years",
  "power_per_mwh",
  "opex_per_ah",
  "min_quantity",
  "max_quantity",
  "step",
  "lead_time_days",
  "valid_from",
  "valid_until",
  "source",
  "note",
  "archived_at",
  "id",
];

/** The offers as CSV: exactly the rows the list shows with these filters, streamed. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const params = parseOfferListParams(new URL(request.url).searchParams);
  const rows = inBatches((offset, limit) => offerRows(caller.ctx, params, offset, limit));
  return csvResponse(
    `offers-${isoDay(new Date())}.csv`,
    HEADER,
    mapRows(rows, (r) => [
      r.providerName,
      r.siteName,
      r.region,
      r.typeName,
      r.family,
      r.pricingModel,
      r.termMonths,
      num(r.rate),
      r.currency,
      num(r.capexPerAccelerator),
      num(r.facilityCapexPerW),
      num(r.depreciationYears),
      num(r.powerPerMwh),
      num(r.opexPerAh),
      r.minQuantity,
      r.maxQuantity,
      r.step,
      r.leadTimeDays,
      r.validFrom,
      r.validUntil,
      r.source,
      r.note,
      r.archivedAt,
      r.id,
    ]),
    caller,
  );
}
