import { familyColor } from "@/lib/format/colors";
import { formatMonth, formatMonthShort } from "@/lib/format/date";
import type { StackedPoint, StackSeries } from "@/lib/format/chart-types";
import type { FamilySurplus } from "./surplus";

/** Resellable H100e per month (a family's shortfall counts as none), stacked by family. */
export function surplusChartPoints(families: readonly FamilySurplus[]): { data: StackedPoint[]; series: StackSeries[] } {
  const series = families.map((f) => ({ key: f.family, name: f.family, color: familyColor(f.family) }));
  const months = families[0]?.months.map((m) => m.month) ?? [];
  const data = months.map((month, i) => ({
    label: formatMonthShort(month.from),
    title: formatMonth(month.from),
    values: Object.fromEntries(families.map((f) => [f.family, Math.max(0, f.months[i]!.surplusH100e.toNumber())])),
  }));
  return { data, series };
}
