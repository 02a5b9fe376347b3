import { CAPACITY_COLOR, DEMAND_COLOR, familyColor, seriesColor, STATUS_COLORS } from "@/lib/format/colors";
import type { BarPoint, LinePoint, LineSeries, StackedPoint, StackSeries } from "@/lib/format/chart-types";
import { formatDay, formatDayShort, formatMonth, formatMonthShort } from "@/lib/format/date";
import { hoursIn } from "@/lib/metrics/period";
import type { FamilyCount } from "./overview/fleet";
import type { CommittedSection, PlannedSpendSection, PowerSection, RunwaySection, UtilizationSection } from "./overview";

const STATUS_LABELS: Record<string, string> = {
  active: "Active",
  pending: "Pending",
  exhausted: "Exhausted",
  proposed: "Proposed",
  expired: "Expired",
  cancelled: "Cancelled",
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

/** The contract statuses that make up committed spend, one bar each. */
export function committedBars(committed: CommittedSection): BarPoint[] {
  return committed.byStatus
    .filter((s) => s.counted)
    .map((s) => ({ key: s.status, label: statusLabel(s.status), value: s.amount.toNumber(), color: STATUS_COLORS[s.status]! }));
}

export const SPEND_SERIES: StackSeries[] = [
  { key: "reserved", name: "Reserved", color: "#3b82f6" },
  { key: "usageBased", name: "On-demand & spot", color: "#d97706" },
];

export function plannedSpendBars(planned: PlannedSpendSection): StackedPoint[] {
  return planned.monthly.map((m) => ({
    label: formatMonthShort(m.month.from),
    title: formatMonth(m.month.from),
    values: { reserved: m.reserved.toNumber(), usageBased: m.usageBased.toNumber() },
  }));
}

export function familyBars(families: readonly FamilyCount[], measure: "h100e" | "accelerators"): BarPoint[] {
  return families.map((f) => ({
    key: f.family,
    label: f.family,
    value: measure === "h100e" ? f.h100e.toNumber() : f.accelerators,
    color: familyColor(f.family),
  }));
}

export const UTILIZATION_SERIES: LineSeries[] = [{ key: "percent", name: "Utilization", color: "#3b82f6", area: true }];

/** Daily utilization in percent; days without rollups stay empty (null), not zero. */
export function utilizationLine(utilization: UtilizationSection): LinePoint[] {
  return utilization.daily.map((d) => ({
    label: formatDayShort(d.day.from),
    title: formatDay(d.day.from),
    values: { percent: d.ratio ? d.ratio.times(100).toNumber() : null },
  }));
}

/** One line per site, the `limit` tightest sites only: the lowest headroom (MW) reached in each month. */
export function headroomLines(power: PowerSection, limit = 5): { data: LinePoint[]; series: LineSeries[] } {
  const sites = [...power.sites]
    .sort((a, b) => a.tightest.headroomMw.comparedTo(b.tightest.headroomMw) || a.siteName.localeCompare(b.siteName))
    .slice(0, limit);
  const series = sites.map((s, i) => ({ key: `s${i}`, name: s.siteName, color: seriesColor(i) }));
  const data = power.months.map((m, mi) => ({
    label: formatMonthShort(m.from),
    title: formatMonth(m.from),
    values: Object.fromEntries(sites.map((s, i) => [`s${i}`, s.monthly[mi]!.headroomMw.toNumber()])),
  }));
  return { data, series };
}

export const RUNWAY_SERIES: LineSeries[] = [
  { key: "capacity", name: "Capacity", color: CAPACITY_COLOR, area: true },
  { key: "demand", name: "Demand", color: DEMAND_COLOR, dashed: true },
];

/** Capacity and demand as the average H100e over each month (H100e·h ÷ hours in the month). */
export function capacityDemandLine(runway: RunwaySection): LinePoint[] {
  return runway.overall.series.map((p) => {
    const hours = hoursIn(p.month);
    return {
      label: formatMonthShort(p.month.from),
      title: formatMonth(p.month.from),
      values: { capacity: p.capacity.div(hours).toNumber(), demand: p.demand.div(hours).toNumber() },
    };
  });
}
