import type { LinePoint, LineSeries } from "@/lib/format/chart-types";
import { formatDay, formatMonthShort } from "@/lib/format/date";
import type { Burndown } from "@/lib/metrics/burndown";

export const BURNDOWN_SERIES: LineSeries[] = [
  { key: "committed", name: "Committed", color: "#64748b", dashed: true },
  { key: "expected", name: "Expected (linear)", color: "#8b5cf6", dashed: true },
  { key: "consumed", name: "Consumed", color: "#3b82f6", area: true },
  { key: "projected", name: "Projected (scheduled + other)", color: "#d97706", dashed: true },
];

const cents = (d: { toFixed: (n: number) => string } | null) => (d === null ? null : Number(d.toFixed(2)));

/** Burn-down points for the line chart: one per month boundary of the term, plus asOf. */
export function burndownPoints(b: Burndown): LinePoint[] {
  return b.points.map((p) => ({
    label: p.at.getUTCDate() === 1 ? formatMonthShort(p.at) : formatDay(p.at),
    title: formatDay(p.at),
    values: { committed: cents(p.committed), expected: cents(p.expected), consumed: cents(p.consumed), projected: cents(p.projected) },
  }));
}
