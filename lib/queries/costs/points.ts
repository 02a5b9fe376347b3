import type { BarPoint } from "@/lib/format/chart-types";
import { familyColor, providerColor } from "@/lib/format/colors";
import { formatMonth, formatMonthShort } from "@/lib/format/date";
import { OTHER_CHARGES, type SpendGroupBy, type SpendMonth } from "@/lib/metrics/monthly-spend";
import type { ProviderTotal } from "@/lib/metrics/provider-comparison";

export type SpendSeries = { key: string; name: string; color: string };
export type SpendPoint = { label: string; title: string; values: Record<string, number> };

/** One colour per provider or family; the charges tied to no accelerator type in grey. */
export function groupColor(group: string, by: SpendGroupBy): string {
  if (group === OTHER_CHARGES) return "#94a3b8";
  return by === "provider" ? providerColor(group) : familyColor(group);
}

/**
 * Stacked spend bars: per month, per group, an actual and a planned value (keys `<i>a` and `<i>p`, i the series
 * index), groups ordered by total spend, largest first (at the bottom of the stack).
 */
export function spendChart(spend: readonly SpendMonth[], by: SpendGroupBy): { series: SpendSeries[]; data: SpendPoint[] } {
  const totals = new Map<string, number>();
  for (const m of spend) for (const [g, v] of m.byGroup) totals.set(g, (totals.get(g) ?? 0) + v.actual.plus(v.planned).toNumber());
  const groups = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([g]) => g);
  const series = groups.map((g, i) => ({ key: String(i), name: g, color: groupColor(g, by) }));
  const data = spend.map((m) => {
    const values: Record<string, number> = {};
    groups.forEach((g, i) => {
      const v = m.byGroup.get(g);
      if (!v) return;
      if (!v.actual.isZero()) values[`${i}a`] = v.actual.toNumber();
      if (!v.planned.isZero()) values[`${i}p`] = v.planned.toNumber();
    });
    return { label: formatMonthShort(m.month.from), title: formatMonth(m.month.from), values };
  });
  return { series, data };
}

/** $ per useful H100-equivalent hour per provider, cheapest first; providers without use are left out. */
export function providerRateBars(providers: readonly ProviderTotal[]): BarPoint[] {
  return providers
    .filter((p) => p.units.perH100eHour !== null)
    .map((p) => ({
      key: p.providerId,
      label: p.providerName,
      value: p.units.perH100eHour!.toNumber(),
      color: providerColor(p.providerName),
    }));
}
