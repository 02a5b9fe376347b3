import { describe, expect, it } from "vitest";
import type { DayVerdict } from "@/lib/metrics/anomalies";
import { Dec } from "@/lib/metrics/decimal";
import { anomalyPoints } from "./points";

const verdict = (actual: string, expected: number, anomaly: boolean): DayVerdict => ({
  day: "",
  actual: new Dec(actual),
  expected,
  threshold: 10,
  delta: Number(actual) - expected,
  pct: null,
  anomaly,
  continuation: false,
  basis: ["seasonal"],
  unjudged: [],
  drivers: [],
});

describe("anomalyPoints", () => {
  it("marks anomaly days with their actual and leaves days without a verdict empty", () => {
    const points = anomalyPoints(
      ["2026-10-01", "2026-10-02", "2026-10-03"],
      [verdict("100", 98, false), null, verdict("300", 100, true)],
      "money",
    );
    expect(points).toEqual([
      { label: "10-01", title: "2026-10-01", actual: 100, expected: 98, flagged: null },
      { label: "10-02", title: "2026-10-02", actual: null, expected: null, flagged: null },
      { label: "10-03", title: "2026-10-03", actual: 300, expected: 100, flagged: 300 },
    ]);
  });

  it("shows utilization in percent", () => {
    expect(anomalyPoints(["2026-10-01"], [verdict("0.5", 0.8, true)], "ratio")[0]).toMatchObject({ actual: 50, expected: 80, flagged: 50 });
  });
});
