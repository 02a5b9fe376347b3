import { addUtcMonths } from "./calendar";
import { dec, Dec, type DecimalValue } from "./decimal";
import type { Period } from "./period";

export type BudgetPeriodKind = "month" | "quarter" | "year";

const MONTHS: Record<BudgetPeriodKind, number> = { month: 1, quarter: 3, year: 12 };

/** The calendar month, quarter (Jan–Mar, Apr–Jun, …) or year in UTC that contains `at`, half-open. */
export function budgetPeriod(kind: BudgetPeriodKind, at: Date): Period {
  const span = MONTHS[kind];
  const month = at.getUTCMonth() - (at.getUTCMonth() % span);
  const from = new Date(Date.UTC(at.getUTCFullYear(), month, 1));
  return { from, to: addUtcMonths(from, span) };
}

/** The `count` periods of this kind ending with the one that contains `at`, oldest first. */
export function budgetPeriods(kind: BudgetPeriodKind, at: Date, count: number): Period[] {
  const last = budgetPeriod(kind, at);
  const span = MONTHS[kind];
  return Array.from({ length: count }, (_, i) => {
    const from = addUtcMonths(last.from, -(count - 1 - i) * span);
    return { from, to: addUtcMonths(from, span) };
  });
}

export type ThresholdState = { basis: "actual" | "forecast"; pct: Dec; crossed: boolean };

export type BudgetStatus = {
  amount: Dec;
  actual: Dec;
  forecast: Dec;
  /** actual ÷ amount × 100, exact (rounded for display only). */
  actualPct: Dec;
  forecastPct: Dec;
  /** amount − forecast: what is left at the period's end if the forecast holds; negative when it runs over. */
  remaining: Dec;
  thresholds: [ThresholdState, ThresholdState];
};

/**
 * A budget in one period (PRODUCT.md §3): actual = spend to date, forecast = actual + the planned remainder of the
 * period, each as a share of the amount; a threshold is crossed when the figure reaches pct % of the amount
 * (actual × 100 ≥ pct × amount, compared exactly, so 80 % of 1,000 is crossed at 800.00 and not at 799.99).
 */
export function budgetStatus(input: {
  amount: DecimalValue;
  actual: DecimalValue;
  plannedRemainder: DecimalValue;
  actualThresholdPct: DecimalValue;
  forecastThresholdPct: DecimalValue;
}): BudgetStatus {
  const amount = dec(input.amount);
  const actual = dec(input.actual);
  const forecast = actual.plus(input.plannedRemainder);
  const pctOf = (v: Dec) => (amount.isZero() ? new Dec(0) : v.times(100).div(amount));
  const state = (basis: "actual" | "forecast", value: Dec, pct: DecimalValue): ThresholdState => ({
    basis,
    pct: dec(pct),
    crossed: value.times(100).gte(amount.times(pct)),
  });
  return {
    amount,
    actual,
    forecast,
    actualPct: pctOf(actual),
    forecastPct: pctOf(forecast),
    remaining: amount.minus(forecast),
    thresholds: [state("actual", actual, input.actualThresholdPct), state("forecast", forecast, input.forecastThresholdPct)],
  };
}
