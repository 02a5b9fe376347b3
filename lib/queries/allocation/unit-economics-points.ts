import type { LinePoint, LineSeries } from "@/lib/format/chart-types";
import { formatMonth, formatMonthShort } from "@/lib/format/date";
import { formatDecimalExact, formatMoneyExact } from "@/lib/format/number";
import type { Dec } from "@/lib/metrics/decimal";
import type { UnitEconomicsMonth, UnitEconomicsWorkload } from "./unit-economics";

export const UNIT_TABLE_COLUMNS = [
  { header: "Month" },
  { header: "Cost", numeric: true },
  { header: "Tokens", numeric: true },
  { header: "Days reported", numeric: true },
  { header: "$ per 1M tokens", numeric: true },
  { header: "Profile estimate", numeric: true },
];

/** $4.31 to the cent; below a dollar to the tenth of a cent ($0.192), as the Costs page shows unit prices. */
export function unitPrice(v: Dec | null): string {
  if (v === null) return "—";
  return v.abs().lessThan(1) && !v.isZero() ? `$${v.toFixed(3)}` : formatMoneyExact(v.toFixed(2));
}

export const TREND_SERIES: LineSeries[] = [
  { key: "actual", name: "Actual $ per 1M tokens", color: "#2563eb" },
  { key: "profile", name: "Profile estimate (Costs page)", color: "#64748b", dashed: true },
];

/**
 * One point a month: the actual $ per 1M tokens of the months reported on every day (a month with a gap would
 * read too high, so it is left to the table) and the profile estimate. A workload with no tokens anywhere has no
 * actual line; the leading months before its first reported one are left out.
 */
export function trendPoints(w: UnitEconomicsWorkload): LinePoint[] {
  const first = w.months.findIndex((m) => m.tokens !== null);
  if (first < 0) return [];
  return w.months.slice(first).map((m) => ({
    label: formatMonthShort(m.month),
    title: formatMonth(m.month),
    values: {
      actual: m.fullyReported && m.perMillion ? m.perMillion.toNumber() : null,
      profile: m.profile ? m.profile.toNumber() : null,
    },
  }));
}

export function unitTableRow(m: UnitEconomicsMonth): string[] {
  return [
    formatMonth(m.month).replace(" ", "\u00a0"), // "Nov 2026" on one line in a narrow table
    formatMoneyExact(m.cost.toFixed(2)),
    m.tokens === null ? "—" : formatDecimalExact(m.tokens.toFixed()),
    `${m.daysReported} of ${m.daysInMonth}`,
    unitPrice(m.perMillion),
    unitPrice(m.profile),
  ];
}

/** The months from the workload's first with tokens on (the chart's months), newest first; none without tokens. */
export function unitTableRows(w: UnitEconomicsWorkload): string[][] {
  const first = w.months.findIndex((m) => m.tokens !== null);
  return first < 0 ? [] : w.months.slice(first).reverse().map(unitTableRow);
}
