import { formatMonth, formatMonthShort } from "@/lib/format/date";
import type { HeadroomPoint } from "@/lib/metrics/power-headroom";

export type SitePowerPoint = {
  label: string;
  title: string;
  budgetMw: number;
  facilityMw: number;
  headroomMw: number;
  overBudget: boolean;
};

/** One chart point per month: the budget and facility load at the month's tightest instant, over-budget flagged. */
export function sitePowerPoints(monthly: readonly HeadroomPoint[]): SitePowerPoint[] {
  return monthly.map((p) => ({
    label: formatMonthShort(p.month.from),
    title: formatMonth(p.month.from),
    budgetMw: p.budgetMw.toNumber(),
    facilityMw: p.facilityMw.toNumber(),
    headroomMw: p.headroomMw.toNumber(),
    overBudget: p.overBudget,
  }));
}
