import type { LinePoint, LineSeries } from "@/lib/format/chart-types";
import { seriesColor } from "@/lib/format/colors";
import { formatDay, formatDayShort } from "@/lib/format/date";
import { formatDecimalExact } from "@/lib/format/number";
import type { MetricSeries } from "./index";

/** "tokens_served" → "Tokens served". */
export function metricLabel(metric: string): string {
  const words = metric.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A round axis top at or above `v`: 1, 1.5, 2, 2.5 … 10 times a power of ten (0 stays 0). */
export function niceCeil(v: number): number {
  if (!(v > 0)) return 0;
  const pow = Math.pow(10, Math.floor(Math.log10(v)));
  return (Math.ceil((v / pow) * 2) / 2) * pow;
}

/**
 * One metric's daily values as a line from 0 (a count read against an axis cut above 0 exaggerates every dip); a day
 * without a value is a gap, not 0.
 */
export function metricLine(m: MetricSeries, index: number): { series: LineSeries[]; data: LinePoint[]; domain: [number, number] } {
  const series: LineSeries[] = [{ key: "v", name: metricLabel(m.metric), color: seriesColor(index), area: true }];
  const byDay = new Map(m.points.map((p) => [p.day, p.value]));
  const first = m.points[0]?.day;
  const data: LinePoint[] = [];
  if (first) {
    for (let d = new Date(`${first}T00:00:00Z`); d <= new Date(`${m.latest.day}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
      const day = d.toISOString().slice(0, 10);
      const value = byDay.get(day);
      data.push({ label: formatDayShort(day), title: formatDay(day), values: { v: value === undefined ? null : Number(value) } });
    }
  }
  const max = Math.max(0, ...data.map((d) => d.values.v ?? 0));
  return { series, data, domain: [0, niceCeil(max) || 1] };
}

/** The same values as the chart's text alternative (day, value), newest first, exact. */
export function metricTableRows(m: MetricSeries): [string, string][] {
  return [...m.points].reverse().map((p) => [formatDay(p.day), formatDecimalExact(p.value)]);
}
