import { money, num, type CsvValue } from "@/lib/csv/write";
import { addUtcDays, addUtcMonths, isoDay, startOfUtcDay } from "@/lib/metrics/calendar";
import { dec } from "@/lib/metrics/decimal";
import { monthStart } from "@/lib/planning/procurement/hours";
import type { PlanBlock } from "@/lib/planning/procurement/types";
import type { PlanRun } from "./run";

export const REQUEST_CSV_HEADER = [
  "offer_source",
  "provider",
  "site_or_region",
  "accelerator_type",
  "family",
  "pricing_model",
  "quantity",
  "h100e",
  "start",
  "end",
  "term_months",
  "rate_usd_per_hour",
  "committed_cost_usd",
  "cost_in_horizon_usd",
  "lead_time_days",
  "notice_date",
] as const;

/**
 * The date by which a block must be ordered: its start less the lead time the plan used (stretched by the provider's
 * delivery slip when planning for late delivery), never before asOf (an order due in the past is due now).
 */
export function noticeDate(block: Pick<PlanBlock, "startMonth" | "leadTimeDays">, asOf: Date): Date {
  const due = addUtcDays(monthStart(block.startMonth), -block.leadTimeDays);
  const today = startOfUtcDay(asOf);
  return due < today ? today : due;
}

function row(b: PlanBlock, asOf: Date): CsvValue[] {
  return [
    b.source ?? null,
    b.providerName,
    b.siteName ?? b.region ?? null,
    b.typeName ?? null,
    b.family,
    b.pricingModel,
    b.quantity,
    num(dec(b.h100e).toFixed()),
    isoDay(monthStart(b.startMonth)),
    // The last day held: the day before the first of the month after the end month.
    isoDay(addUtcDays(addUtcMonths(monthStart(b.endMonth), 1), -1)),
    b.termMonths,
    num(b.ratePerHour),
    money(b.committedCost),
    money(b.costInHorizon),
    b.leadTimeDays,
    isoDay(noticeDate(b, asOf)),
  ];
}

/** The procurement request (issue 17 §4): one row per block of the plan, money to the cent, rates exact. */
export function procurementRequestCsv(run: Pick<PlanRun, "asOf" | "plan">): { header: string[]; rows: CsvValue[][] } {
  const asOf = new Date(run.asOf);
  return { header: [...REQUEST_CSV_HEADER], rows: run.plan.blocks.map((b) => row(b, asOf)) };
}
