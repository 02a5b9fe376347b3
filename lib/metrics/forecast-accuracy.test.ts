import { describe, expect, it } from "vitest";
import { accuracy, backtest } from "./forecast-accuracy";

const pt = (actual: number, median: number, w80: number, w95: number) => ({
  h: 1,
  actual,
  median,
  lower80: median - w80,
  upper80: median + w80,
  lower95: median - w95,
  upper95: median + w95,
});

describe("accuracy", () => {
  it("averages the absolute percentage errors and counts the actuals inside each band", () => {
    // |100 − 90| ÷ 100 = 10 %, |200 − 250| ÷ 200 = 25 %: MAPE 17.5 %. 80 %: only the first (90 ± 10 holds 100);
    // 95 %: both (250 ± 60 holds 200).
    const a = accuracy([pt(100, 90, 10, 20), pt(200, 250, 10, 60)]);
    expect(a.mape).toBeCloseTo(17.5, 12);
    // WAPE = (10 + 50) ÷ (100 + 200) = 20 %.
    expect(a.wape).toBeCloseTo(20, 12);
    expect(a.coverage80).toBe(0.5);
    expect(a.coverage95).toBe(1);
  });

  it("leaves months with zero actual out of the MAPE but not out of the coverage", () => {
    const a = accuracy([pt(0, 5, 1, 10), pt(50, 40, 5, 10)]);
    expect(a.mape).toBeCloseTo(20, 12);
    expect(a.wape).toBeCloseTo(30, 12); // (5 + 10) ÷ 50
    expect(a.coverage95).toBe(1);
    expect(a.coverage80).toBe(0);
    expect(accuracy([])).toEqual({ points: 0, mape: null, wape: null, coverage80: null, coverage95: null });
  });
});

describe("backtest", () => {
  it("forecasts the held-out months of a constant series exactly", () => {
    const points = backtest(Array(12).fill(7), 8);
    expect(points.map((p) => [p.h, p.actual, p.median])).toEqual([1, 2, 3, 4].map((h) => [h, 7, 7]));
    expect(accuracy(points)).toEqual({ points: 4, mape: 0, wape: 0, coverage80: 1, coverage95: 1 });
  });
});
