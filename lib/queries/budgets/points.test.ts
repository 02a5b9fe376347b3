import { describe, expect, it } from "vitest";
import { budgetStatus } from "@/lib/metrics/budgets";
import { dec } from "@/lib/metrics/decimal";
import { budgetChartPoints, periodLabel } from "./points";

const p = (from: string, to: string) => ({ from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`) });

describe("budget chart points", () => {
  it("labels months, quarters and years", () => {
    expect(periodLabel("month", p("2026-03-01", "2026-04-01"))).toBe("Mar 2026");
    expect(periodLabel("quarter", p("2026-10-01", "2027-01-01"))).toBe("Q4 2026");
    expect(periodLabel("year", p("2026-01-01", "2027-01-01"))).toBe("2026");
  });

  it("plots budget, actual and forecast per period, and a gap where the amount has no rate", () => {
    const status = budgetStatus({
      amount: "1000",
      actual: "250.5",
      plannedRemainder: "500",
      actualThresholdPct: 80,
      forecastThresholdPct: 100,
    });
    const points = budgetChartPoints("month", [
      { period: p("2026-01-01", "2026-02-01"), amountUsd: dec(1000), status },
      { period: p("2026-02-01", "2026-03-01"), amountUsd: null, status: null },
    ]);
    expect(points.map((x) => x.values)).toEqual([
      { budget: 1000, actual: 250.5, forecast: 750.5 },
      { budget: null, actual: null, forecast: null },
    ]);
  });
});
