import { formatMonth, formatMonthShort } from "@/lib/format/date";
import type { CapacityDemandLine } from "@/lib/metrics/capacity-demand";
import type { Dec } from "@/lib/metrics/decimal";

/** One month of the capacity chart, in plain numbers: history months carry `used`, forecast months the bands. */
export type CapacityChartPoint = {
  label: string;
  title: string;
  capacity: number;
  used: number | null;
  median: number | null;
  planned: number | null;
  band80: [number, number] | null;
  band95: [number, number] | null;
};

const n = (d: Dec) => Math.round(d.toNumber() * 100) / 100;

/** The last history months (actual use) then the forecast months (median demand and its 80 % / 95 % bands). */
export function capacityChartPoints(line: CapacityDemandLine): CapacityChartPoint[] {
  const past: CapacityChartPoint[] = line.past.map((p) => ({
    label: formatMonthShort(p.month.from),
    title: `${formatMonth(p.month.from)} · actual`,
    capacity: n(p.capacity),
    used: n(p.used),
    median: null,
    planned: null,
    band80: null,
    band95: null,
  }));
  const ahead = line.points.map((p) => ({
    label: formatMonthShort(p.month.from),
    title: `${formatMonth(p.month.from)} · forecast`,
    capacity: n(p.capacity),
    used: null,
    median: n(p.demand.median),
    planned: n(p.planned),
    band80: [n(p.demand.lower80), n(p.demand.upper80)] as [number, number],
    band95: [n(p.demand.lower95), n(p.demand.upper95)] as [number, number],
  }));
  // The last actual month also starts the median line, so the two lines join.
  if (past.length && ahead.length) {
    const last = past[past.length - 1]!;
    last.median = last.used;
  }
  return [...past, ...ahead];
}
