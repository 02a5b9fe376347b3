import type { CsvValue } from "@/lib/csv/write";
import { isoDay } from "@/lib/metrics/calendar";
import type { Dec } from "@/lib/metrics/decimal";
import { spendGroup, type SpendCell } from "@/lib/metrics/monthly-spend";
import type { ComparisonRow } from "@/lib/metrics/provider-comparison";
import type { SelectionCost } from "@/lib/metrics/selection-cost";

const num = (v: Dec | null, places: number): CsvValue => (v === null ? null : { number: v.toFixed(places) });

export const COMPARISON_HEADER = [
  "provider",
  "family",
  "actual_months",
  "planned_months",
  "capacity_ah",
  "used_ah",
  "utilization",
  "cost_usd",
  "usd_per_ah_held",
  "usd_per_useful_ah",
  "usd_per_useful_h100e_hour",
  "usd_per_pflop_hour",
  "tokens_per_second",
  "usd_per_million_tokens",
  "list_usd_per_useful_ah",
  "contracted_usd_per_useful_ah",
  "billed_effective_usd_per_useful_ah",
] as const;

/** One CSV row per comparison row: exactly the rows and columns of the table on /costs, unrounded beyond 6 places. */
export function comparisonCsvRow(r: ComparisonRow, tokensPerSecond: ReadonlyMap<string, string>): CsvValue[] {
  return [
    r.providerName,
    r.family,
    r.actualMonths,
    r.plannedMonths,
    num(r.capacityAh, 4),
    num(r.usedAh, 4),
    num(r.utilization, 6),
    num(r.cost, 2),
    num(r.heldRate, 6),
    num(r.units.effectiveRate, 6),
    num(r.units.perH100eHour, 6),
    num(r.units.perPflopHour, 6),
    tokensPerSecond.has(r.family) ? { number: tokensPerSecond.get(r.family)! } : null,
    num(r.units.perMillionTokens, 6),
    num(r.billing?.list ?? null, 6),
    num(r.billing?.contracted ?? null, 6),
    num(r.billing?.effective ?? null, 6),
  ];
}

export const SPEND_HEADER = ["month", "provider", "family", "source", "amount_usd"] as const;

/** Spend cells as CSV: month, provider, family (or "Other charges"), actual or planned, the exact amount. */
export function spendCsvRow(c: SpendCell): CsvValue[] {
  return [isoDay(c.month.from).slice(0, 7), c.providerName, spendGroup(c, "family"), c.source, { number: c.amount.toFixed(2) }];
}

export const SELECTION_SPEND_HEADER = [
  "month",
  "allocated_to",
  "used_cost_usd",
  "idle_cost_usd",
  "unmeasured_cost_usd",
  "direct_cost_usd",
  "own_cost_usd",
  "shared_cost_usd",
  "total_usd",
] as const;

/** /costs under the team / workload filter: one row per month of the selection's showback (shared empty for a workload). */
export function selectionSpendCsvRow(month: Date, label: string, c: SelectionCost, perWorkload: boolean): CsvValue[] {
  return [
    isoDay(month).slice(0, 7),
    label,
    num(c.usedCost, 2),
    num(c.idleCost, 2),
    num(c.unmeasuredCost, 2),
    num(c.directCost, 2),
    num(c.own, 2),
    perWorkload ? null : num(c.shared, 2),
    num(c.total, 2),
  ];
}
