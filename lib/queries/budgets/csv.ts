import { money, num, type CsvValue } from "@/lib/csv/write";
import type { BudgetRow } from "./index";

export const BUDGET_CSV_HEADER = [
  "name",
  "scope",
  "provider",
  "family",
  "period",
  "period_start",
  "period_end",
  "amount",
  "currency",
  "amount_usd",
  "actual_usd",
  "forecast_usd",
  "actual_pct",
  "forecast_pct",
  "remaining_usd",
  "actual_threshold_pct",
  "actual_threshold_crossed",
  "forecast_threshold_pct",
  "forecast_threshold_crossed",
  "archived_at",
  "id",
];

/** One row of /budgets as the CSV writes it: money to the cent, percentages exact to 4 decimals, thresholds as true/false. */
export function budgetCsvRow(b: BudgetRow): CsvValue[] {
  const s = b.status;
  return [
    b.name,
    b.scopeKind,
    b.providerName,
    b.family,
    b.periodKind,
    b.period.from,
    b.period.to,
    money(b.amount),
    b.currency,
    money(b.amountUsd),
    money(s?.actual),
    money(s?.forecast),
    num(s?.actualPct.toFixed(4)),
    num(s?.forecastPct.toFixed(4)),
    money(s?.remaining),
    num(b.actualThresholdPct),
    s ? s.thresholds[0].crossed : null,
    num(b.forecastThresholdPct),
    s ? s.thresholds[1].crossed : null,
    b.archivedAt,
    b.id,
  ];
}
