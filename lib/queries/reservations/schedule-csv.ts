import type { CsvValue } from "@/lib/csv/write";
import { money, num } from "@/lib/csv/write";
import { plannedCost } from "@/lib/metrics/planned-cost";
import { reservationRows, type ReservationListParams, type ReservationListRow } from "@/lib/queries/reservations";
import type { Ctx } from "@/lib/auth/context";
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

export function reservationScheduleRow(r: ReservationListRow, noticeDays: number): CsvValue[] {
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
    r.contractName,
    r.contractReference,
    noticeDate(r.endAt, noticeDays),
    r.status,
    r.capacityReservationId,
    r.id,
  ];
}

/** The reservation schedule: the reservation list's rows with these filters, read page by page. */
export async function* reservationScheduleRows(
  ctx: Ctx,
  params: ReservationListParams,
  noticeDays: number,
  pageSize = 5000,
): AsyncGenerator<CsvValue[]> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await reservationRows(ctx, params, offset, pageSize);
    for (const r of page) yield reservationScheduleRow(r, noticeDays);
    if (page.length < pageSize) return;
  }
}
