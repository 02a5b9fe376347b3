import { CAPACITY_COLOR, DEMAND_COLOR, familyColor, providerColor, STATUS_COLORS } from "@/lib/format/colors";
import type { BarPoint, LinePoint, LineSeries } from "@/lib/format/chart-types";
import { formatDay, formatDayShort, formatMonth, formatMonthShort } from "@/lib/format/date";
import { addUtcMonths } from "@/lib/metrics/calendar";
import type { Period } from "@/lib/metrics/period";
import type { FamilyCount } from "./fleet";
import type { SpendPeriodSection } from "./spend";
import type { CommittedSection, OverviewResult, PowerSection, RunwaySection, UtilizationSection } from "./";
import { headroomLines } from "@/lib/queries/power/points";
import { unconvertedNote } from "@/lib/format/fx";
import type { Unconverted } from "@/lib/metrics/fx";
import { UTILIZATION_RANGE } from "./utilization";

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

/** What a USD money KPI converted and left out: "EUR at 1.08 USD" and "excludes 2 contracts in JPY: no rate". */
export function currencyNote(converted: readonly { currency: string; rate: string }[], left: Unconverted, noun: string): string | null {
  const parts = [
    converted.length ? `${converted.map((c) => `${c.currency} at ${c.rate} USD`).join(", ")} (HEADROOM_FX_RATES)` : null,
    unconvertedNote(left, noun),
  ].filter(Boolean);
  return parts.length ? parts.join("; ") : null;
}

/** The contract statuses that make up committed spend, one bar each. */
export function committedBars(committed: CommittedSection): BarPoint[] {
  return committed.byStatus
    .filter((s) => s.counted)
    .map((s) => ({ key: s.status, label: statusLabel(s.status), value: s.amount.toNumber(), color: STATUS_COLORS[s.status]! }));
}

/** A period's spend per provider, largest first, in each provider's colour. */
export function providerSpendBars(spend: SpendPeriodSection): BarPoint[] {
  return spend.byProvider.map((p) => ({
    key: p.providerName,
    label: p.providerName,
    value: p.total.toNumber(),
    color: providerColor(p.providerName),
  }));
}

/** One bar per family in its colour, largest of the measure first. */
export function familyBars(families: readonly FamilyCount[], measure: "h100e" | "accelerators"): BarPoint[] {
  return families
    .map((f) => ({
      key: f.family,
      label: f.family,
      value: measure === "h100e" ? f.h100e.toNumber() : f.accelerators,
      color: familyColor(f.family),
    }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}

export const UTILIZATION_SERIES: LineSeries[] = [{ key: "percent", name: "Utilization", color: "#3b82f6", area: true }];

/** Daily utilization in percent; a day without measured capacity stays empty (null), not zero. */
export function utilizationLine(utilization: UtilizationSection): LinePoint[] {
  return utilization.daily.map((d) => ({
    label: formatDayShort(d.day.from),
    title: formatDay(d.day.from),
    values: { percent: d.ratio ? d.ratio.times(100).toNumber() : null },
  }));
}

/** /power's headroom lines (the month's lowest headroom in MW) for the `limit` sites whose tightest month is lowest. */
export function tightestSiteLines(power: PowerSection, limit = 5): { data: LinePoint[]; series: LineSeries[] } {
  const sites = power.page.sites
    .filter((s) => s.tightest)
    .sort((a, b) => a.tightest!.headroomMw.comparedTo(b.tightest!.headroomMw) || a.siteName.localeCompare(b.siteName))
    .slice(0, limit);
  return headroomLines(power.page.months, sites);
}

export const RUNWAY_SERIES: LineSeries[] = [
  { key: "capacity", name: "Capacity", color: CAPACITY_COLOR, area: true },
  { key: "demand", name: "Median demand", color: DEMAND_COLOR, dashed: true },
];

/** /capacity's overall line: H100e in service and median demand, both the month's average H100e. */
export function runwayLine(runway: RunwaySection): LinePoint[] {
  return runway.overall.points.map((p) => ({
    label: formatMonthShort(p.month.from),
    title: formatMonth(p.month.from),
    values: { capacity: p.capacity.toNumber(), demand: p.demand.median.toNumber() },
  }));
}

/** The family that runs out first (ties: the order /capacity lists them), or null when none does within the horizon. */
export function earliestFamilyRunway(runway: RunwaySection): RunwaySection["byFamily"][number] | null {
  let first: RunwaySection["byFamily"][number] | null = null;
  for (const f of runway.byFamily) if (f.line.runway && (!first || f.line.runway.from < first.line.runway!.from)) first = f;
  return first;
}

function href(path: string, params: Record<string, string | null | undefined> = {}, hash = ""): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) s.set(k, v);
  const q = s.toString();
  return `${path}${q ? `?${q}` : ""}${hash}`;
}

const ym = (d: Date) => d.toISOString().slice(0, 7);

/** Whole months as "Jan 2026 – Oct 2026". */
export const periodLabel = (p: Period) => `${formatMonth(p.from)} – ${formatMonth(addUtcMonths(p.to, -1))}`;

export type OverviewLinks = Record<
  "committed" | "spendToDate" | "forecast" | "fleet" | "utilization" | "power" | "runway" | "expiring",
  string
> & {
  runwayFamily: string | null;
};

/** Each KPI's page, showing the same period and scenario as the number on the Overview. */
export function overviewLinks(overview: Pick<OverviewResult, "scenario" | "spend" | "runway">): OverviewLinks {
  const scenario = overview.scenario?.id ?? null;
  const toDate = overview.spend.toDate.period;
  const earliest = earliestFamilyRunway(overview.runway);
  return {
    committed: "/contracts",
    spendToDate: href("/costs", { from: ym(toDate.from), to: ym(addUtcMonths(toDate.to, -1)), scenario }),
    forecast: href("/costs", { range: "12m", scenario }),
    fleet: href("/capacity", { scenario }),
    utilization: href("/utilization", { range: UTILIZATION_RANGE }),
    power: href("/power", { range: "12m", scenario }),
    runway: href("/capacity", { scenario }),
    runwayFamily: earliest ? href("/capacity", { family: earliest.family, scenario }) : null,
    expiring: href("/reservations", {}, "#expiring-heading"),
  };
}
