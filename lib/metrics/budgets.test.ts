import { describe, expect, it } from "vitest";
import { budgetPeriod, budgetPeriods, budgetStatus } from "./budgets";

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (p: { from: Date; to: Date }) => [p.from.toISOString().slice(0, 10), p.to.toISOString().slice(0, 10)];

describe("budgetPeriod", () => {
  it("finds the month, quarter and year containing a date", () => {
    const at = new Date("2026-08-31T23:59:59Z");
    expect(iso(budgetPeriod("month", at))).toEqual(["2026-08-01", "2026-09-01"]);
    expect(iso(budgetPeriod("quarter", at))).toEqual(["2026-07-01", "2026-10-01"]);
    expect(iso(budgetPeriod("year", at))).toEqual(["2026-01-01", "2027-01-01"]);
  });

  it("lists consecutive periods ending with the current one, across a year end", () => {
    expect(budgetPeriods("quarter", day("2027-02-10"), 3).map(iso)).toEqual([
      ["2026-07-01", "2026-10-01"],
      ["2026-10-01", "2027-01-01"],
      ["2027-01-01", "2027-04-01"],
    ]);
  });
});

describe("budgetStatus", () => {
  it("adds the planned remainder to the actual and compares both with the amount", () => {
    // amount 10,000.00; actual 6,543.21; planned remainder 4,000.10 → forecast 10,543.31
    // actual % = 6,543.21 × 100 ÷ 10,000 = 65.4321; forecast % = 105.4331; remaining = 10,000 − 10,543.31 = −543.31
    const s = budgetStatus({
      amount: "10000.00",
      actual: "6543.21",
      plannedRemainder: "4000.10",
      actualThresholdPct: 80,
      forecastThresholdPct: 100,
    });
    expect(s.forecast.toFixed()).toBe("10543.31");
    expect(s.actualPct.toFixed()).toBe("65.4321");
    expect(s.forecastPct.toFixed()).toBe("105.4331");
    expect(s.remaining.toFixed()).toBe("-543.31");
    expect(s.thresholds.map((t) => [t.basis, t.pct.toFixed(), t.crossed])).toEqual([
      ["actual", "80", false],
      ["forecast", "100", true],
    ]);
  });

  it("crosses a threshold exactly at its share of the amount, not a cent before", () => {
    // 80 % of 1,000.00 is 800.00: 799.99 × 100 = 79,999 < 80,000; 800.00 × 100 = 80,000 ≥ 80,000
    const at = (actual: string) =>
      budgetStatus({ amount: "1000", actual, plannedRemainder: "0", actualThresholdPct: "80", forecastThresholdPct: "100" }).thresholds[0]
        .crossed;
    expect(at("799.99")).toBe(false);
    expect(at("800.00")).toBe(true);
  });

  it("keeps money exact where floats would drift", () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004; in decimals the forecast is 0.3, which is 100 % of 0.3
    const s = budgetStatus({ amount: "0.3", actual: "0.1", plannedRemainder: "0.2", actualThresholdPct: 80, forecastThresholdPct: 100 });
    expect(s.forecast.toFixed()).toBe("0.3");
    expect(s.remaining.toFixed()).toBe("0");
    expect(s.thresholds[1].crossed).toBe(true);
  });
});
