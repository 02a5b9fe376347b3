import type { DayVerdict } from "@/lib/metrics/anomalies";

export type AnomalyPoint = { label: string; title: string; actual: number | null; expected: number | null; flagged: number | null };

/** One point a day: actual and expected (× 100 for utilization, shown in %), and the actual again on anomaly days (the marker). */
export function anomalyPoints(days: readonly string[], verdicts: readonly (DayVerdict | null)[], unit: "money" | "ratio"): AnomalyPoint[] {
  const scale = unit === "ratio" ? 100 : 1;
  return days.map((day, i) => {
    const v = verdicts[i] ?? null;
    const actual = v ? v.actual.toNumber() * scale : null;
    return {
      label: day.slice(5),
      title: day,
      actual,
      expected: v ? v.expected * scale : null,
      flagged: v?.anomaly ? actual : null,
    };
  });
}
