import { money, num, type CsvValue } from "@/lib/csv/write";
import { USE_UNIT_LABEL } from "@/lib/format/budget";
import type { Dec } from "@/lib/metrics/decimal";
import type { BudgetRow } from "./index";

export const BUDGET_CSV_HEADER = [
  "name",
  "scope",
  "provider",
  "family",
  "team",
  "workload",
  "contract",
  "unit",
  "period",
  "period_start",
  "period_end",
  "amount",
  "currency",
  "amount_usd",
  "actual_usd",
  "forecast_usd",
  "figure_unit",
  "actual",
  "forecast",
  "actual_pct",
  "forecast_pct",
  "remaining_usd",
  "remaining",
  "actual_threshold_pct",
  "actual_threshold_crossed",
  "forecast_threshold_pct",
  "forecast_threshold_crossed",
  "archived_at",
  "id",
];

/**
 * One row of /budgets as the CSV writes it: money to the cent, accelerator-hours and H100e·h to 4 decimals,
 * percentages exact to 4 decimals, thresholds as true/false. The *_usd columns are a money budget's; actual, forecast
 * and remaining are in figure_unit (USD, AH or H100e·h) for every budget.
 */
export function budgetCsvRow(b: BudgetRow): CsvValue[] {
  const s = b.status;
  const isMoney = b.unit === "money";
  const usd = (v: Dec | null | undefined) => (isMoney ? money(v) : null);
  const figure = (v: Dec | null | undefined) => (isMoney ? money(v) : num(v?.toFixed(4)));
  return [
    b.name,
    b.scopeKind,
    b.providerName,
    b.family,
    b.teamName,
    b.workloadName,
    b.contractName,
    b.unit,
    b.periodKind,
    b.period.from,
    b.period.to,
    isMoney ? money(b.amount) : num(b.amount),
    isMoney ? b.currency : null,
    usd(b.amountUsd),
    usd(s?.actual),
    usd(s?.forecast),
    isMoney ? "USD" : (USE_UNIT_LABEL[b.unit] ?? b.unit),
    figure(s?.actual),
    figure(s?.forecast),
    num(s?.actualPct.toFixed(4)),
    num(s?.forecastPct.toFixed(4)),
    usd(s?.remaining),
    figure(s?.remaining),
    num(b.actualThresholdPct),
    s ? s.thresholds[0].crossed : null,
    num(b.forecastThresholdPct),
    s ? s.thresholds[1].crossed : null,
    b.archivedAt,
    b.id,
  ];
}
