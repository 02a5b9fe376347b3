import type { CsvValue } from "@/lib/csv/write";
import { money, num } from "@/lib/csv/write";
import { plannedCost } from "@/lib/metrics/planned-cost";
import { reservationRows, type ReservationListParams, type ReservationListRow } from "@/lib/queries/reservations";
import type { Ctx } from "@/lib/auth/context";
import { blockMarket, loadListRates, type ListRates } from "@/lib/queries/offers/market";
import { noticeDate } from "./notice";

/** A month of full capacity: 8,760 h ÷ 12, as providers quote monthly reserved prices. */
export const HOURS_PER_MONTH = 730;

export const RESERVATION_SCHEDULE_HEADER = [
  "block",
  "provider",
  "site",
  "accelerator_type",
  "family",
  "quantity",
  "start_at",
  "end_at",
  "rate",
  "currency",
  "pricing_model",
  "monthly_cost",
  "market_lowest_rate",
  "market_median_rate",
  "market_percentile",
  "above_market_per_year",
  "market_list_prices",
  "contract",
  "contract_reference",
  "notice_date",
  "status",
  "capacity_reservation_id",
  "id",
] as const;

/** Planned cost of a month at full capacity for reserved blocks (quantity × 730 h × rate); on-demand and spot pay per use, so none. */
export function monthlyCost(r: Pick<ReservationListRow, "pricingModel" | "quantity" | "rate">): string | null {
  if (r.pricingModel !== "reserved") return null;
  return plannedCost({ pricingModel: "reserved", rate: r.rate, capacityAh: r.quantity * HOURS_PER_MONTH, usedAh: 0 }).toFixed();
}

/** A block's rate against the list prices of the offers register (lib/metrics/market-rate.ts): blank without any. */
function marketCells(r: ReservationListRow, list: ListRates): CsvValue[] {
  const m = blockMarket(list, r);
  if (!m) return [null, null, null, null, 0];
  return [num(m.lowest.toFixed()), num(m.median.toFixed()), num(m.percentile.toFixed(1)), money(m.abovePerYear), m.count];
}

export function reservationScheduleRow(r: ReservationListRow, noticeDays: number, list: ListRates): CsvValue[] {
  return [
    r.name,
    r.providerName,
    r.siteName,
    r.typeName,
    r.family,
    r.quantity,
    r.startAt,
    r.endAt,
    num(r.rate),
    r.currency,
    r.pricingModel,
    money(monthlyCost(r)),
    ...marketCells(r, list),
    r.contractName,
    r.contractReference,
    noticeDate(r.endAt, noticeDays),
    r.status,
    r.capacityReservationId,
    r.id,
  ];
}

/** The reservation schedule: the reservation list's rows with these filters, read page by page, set against the list prices valid at asOf. */
export async function* reservationScheduleRows(
  ctx: Ctx,
  params: ReservationListParams,
  noticeDays: number,
  pageSize = 5000,
  asOf = new Date(),
): AsyncGenerator<CsvValue[]> {
  const list = await loadListRates(ctx, asOf);
  for (let offset = 0; ; offset += pageSize) {
    const page = await reservationRows(ctx, params, offset, pageSize);
    for (const r of page) yield reservationScheduleRow(r, noticeDays, list);
    if (page.length < pageSize) return;
  }
}
