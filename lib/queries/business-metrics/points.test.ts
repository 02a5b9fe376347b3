import { describe, expect, it } from "vitest";
import type { MetricSeries } from "./index";
import { metricLabel, metricLine, metricTableRows, niceCeil } from "./points";

const series: MetricSeries = {
  metric: "tokens_served",
  points: [
    { day: "2026-02-27", value: "100.000000" },
    { day: "2026-03-01", value: "250000000000.500000" },
  ],
  latest: { day: "2026-03-01", value: "250000000000.500000" },
  total30: "250000000100.500000",
  daysIn30: 2,
  olderDays: 0,
};

describe("business metric points", () => {
  it("labels a snake-case metric in words", () => {
    expect(metricLabel("tokens_served")).toBe("Tokens served");
    expect(metricLabel("requests")).toBe("Requests");
  });

  it("draws one point per calendar day with a missing day as a gap, not 0", () => {
    const { series: lines, data } = metricLine(series, 0);
    expect(lines).toEqual([expect.objectContaining({ key: "v", name: "Tokens served" })]);
    expect(data.map((d) => d.values.v)).toEqual([100, null, 250000000000.5]);
    expect(data.map((d) => d.title)).toEqual([expect.stringContaining("27"), expect.stringContaining("28"), expect.stringContaining("1")]);
  });

  it("starts the axis at 0 and ends it at a round value at or above the largest", () => {
    expect(metricLine(series, 0).domain).toEqual([0, 3e11]);
    expect(niceCeil(4.68e11)).toBe(5e11);
    expect(niceCeil(1.6e11)).toBe(2e11);
    expect(niceCeil(1.5e11)).toBe(1.5e11);
    expect(niceCeil(7)).toBe(7);
    expect(metricLine({ ...series, points: [{ day: "2026-03-01", value: "0" }] }, 0).domain).toEqual([0, 1]);
  });

  it("tables the values newest first, exact and grouped", () => {
    expect(metricTableRows(series).map((r) => r[1])).toEqual(["250,000,000,000.5", "100"]);
  });

  it("draws nothing for a metric without points", () => {
    expect(metricLine({ ...series, points: [] }, 1).data).toEqual([]);
  });
});
