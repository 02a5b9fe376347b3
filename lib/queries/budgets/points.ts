import type { LinePoint } from "@/lib/format/chart-types";
import type { BudgetPeriodKind } from "@/lib/metrics/budgets";
import type { Period } from "@/lib/metrics/period";
import type { BudgetPeriodRow } from "./index";

const MONTH = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

/** "Mar 2026", "Q1 2026", "2026". */
export function periodLabel(kind: BudgetPeriodKind, p: Period): string {
  const year = p.from.getUTCFullYear();
  if (kind === "year") return String(year);
  if (kind === "quarter") return `Q${Math.floor(p.from.getUTCMonth() / 3) + 1} ${year}`;
  return MONTH.format(p.from);
}

/** One point per period: the budget, actual and forecast in USD (null where the amount has no exchange rate). */
export function budgetChartPoints(kind: BudgetPeriodKind, rows: readonly BudgetPeriodRow[]): LinePoint[] {
  return rows.map((r) => ({
    label: periodLabel(kind, r.period),
    title: periodLabel(kind, r.period),
    values: {
      budget: r.status ? r.status.amount.toNumber() : null,
      actual: r.status ? r.status.actual.toNumber() : null,
      forecast: r.status ? r.status.forecast.toNumber() : null,
    },
  }));
}
