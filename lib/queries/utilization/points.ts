import type { CsvValue } from "@/lib/csv/write";
import type { LinePoint, LineSeries, StackedPoint, StackSeries } from "@/lib/format/chart-types";
import { familyColor, providerColor, seriesColor } from "@/lib/format/colors";
import { formatDay, formatDayShort, formatMonth, formatMonthShort } from "@/lib/format/date";
import { formatCount } from "@/lib/format/number";
import { isoDay } from "@/lib/metrics/calendar";
import type { Dec } from "@/lib/metrics/decimal";
import type { BlockUsage, UtilizationGroupBy } from "@/lib/metrics/utilization-view";
import type { UtilizationView } from "./index";

export function utilizationGroupColor(group: string, by: UtilizationGroupBy, index: number): string {
  return by === "family" ? familyColor(group) : by === "provider" ? providerColor(group) : seriesColor(index);
}

/** The note both utilization figures carry (Overview KPI and /utilization): blocks left out for want of data. */
export function unmeasuredNote(count: number): string | null {
  return count > 0 ? `${formatCount(count, "block")} unmeasured (no utilization reported), not counted` : null;
}

const label = (v: UtilizationView, d: Date) => (v.grain === "month" ? formatMonthShort(d) : formatDayShort(d));
const title = (v: UtilizationView, d: Date) => (v.grain === "month" ? formatMonth(d) : formatDay(d));

/** Utilization in percent per group and overall (dashed); buckets without measured capacity stay empty. */
export function utilizationLines(v: UtilizationView): { series: LineSeries[]; data: LinePoint[] } {
  const series: LineSeries[] = [
    ...v.groups.map((g, i) => ({ key: `g${i}`, name: g, color: utilizationGroupColor(g, v.by, i) })),
    { key: "all", name: "All blocks", color: "#334155", dashed: true },
  ];
  const data = v.buckets.map((b) => {
    const values: Record<string, number | null> = { all: b.total.utilization ? b.total.utilization.times(100).toNumber() : null };
    v.groups.forEach((g, i) => {
      const u = b.groups.get(g)?.utilization;
      values[`g${i}`] = u ? u.times(100).toNumber() : null;
    });
    return { label: label(v, b.bucket.from), title: title(v, b.bucket.from), values };
  });
  return { series, data };
}

/** Idle cost per bucket stacked by group. */
export function idleCostBars(v: UtilizationView): { series: StackSeries[]; data: StackedPoint[] } {
  const series = v.groups.map((g, i) => ({ key: `g${i}`, name: g, color: utilizationGroupColor(g, v.by, i) }));
  const data = v.buckets.map((b) => {
    const values: Record<string, number> = {};
    v.groups.forEach((g, i) => {
      const c = b.groups.get(g)?.idleCost;
      if (c && !c.isZero()) values[`g${i}`] = c.toNumber();
    });
    return { label: label(v, b.bucket.from), title: title(v, b.bucket.from), values };
  });
  return { series, data };
}

const num = (v: Dec | null, places: number): CsvValue => (v === null ? null : { number: v.toFixed(places) });

export const BLOCKS_HEADER = [
  "block",
  "provider",
  "site",
  "family",
  "pricing_model",
  "rate",
  "currency",
  "capacity_ah",
  "used_ah",
  "utilization",
  "idle_ah",
  "idle_cost_usd",
] as const;

export function blockCsvRow(b: BlockUsage): CsvValue[] {
  return [
    b.block.name,
    b.block.providerName,
    b.block.siteName,
    b.block.family,
    b.block.pricingModel,
    { number: b.block.rate },
    b.block.currency,
    num(b.capacityAh, 4),
    num(b.usedAh, 4),
    num(b.utilization, 6),
    num(b.idleAh, 4),
    num(b.idleCost, 2),
  ];
}

export const SERIES_HEADER = [
  "period_start",
  "group_by",
  "group",
  "capacity_ah",
  "used_ah",
  "utilization",
  "idle_ah",
  "idle_cost_usd",
] as const;

/** Every bucket × group the charts show, as CSV rows. */
export function seriesCsvRows(v: UtilizationView): CsvValue[][] {
  return v.buckets.flatMap((b) =>
    v.groups.flatMap((g) => {
      const u = b.groups.get(g);
      return u
        ? [
            [
              isoDay(b.bucket.from),
              v.by,
              g,
              num(u.capacityAh, 4),
              num(u.usedAh, 4),
              num(u.utilization, 6),
              num(u.idleAh, 4),
              num(u.idleCost, 2),
            ],
          ]
        : [];
    }),
  );
}
