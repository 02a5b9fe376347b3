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

/** One metric's daily values as a line; a day without a value is a gap, not 0. */
export function metricLine(m: MetricSeries, index: number): { series: LineSeries[]; data: LinePoint[] } {
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
  return { series, data };
}

/** The same values as the chart's text alternative (day, value), newest first, exact. */
export function metricTableRows(m: MetricSeries): [string, string][] {
  return [...m.points].reverse().map((p) => [formatDay(p.day), formatDecimalExact(p.value)]);
}
