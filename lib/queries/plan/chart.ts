import type { LinePoint } from "@/lib/format/chart-types";
import { formatMonth, formatMonthShort } from "@/lib/format/date";
import type { ProcurementPlan } from "@/lib/planning/procurement/types";

/** The chart's lines on /plan: demand covered, capacity before and after the plan (H100e, monthly average). */
export const PLAN_CHART_SERIES = [
  { key: "demand", name: "Demand covered", color: "#f43f5e", dashed: true },
  { key: "before", name: "Capacity before", color: "#94a3b8" },
  { key: "after", name: "Capacity after the plan", color: "#3b82f6" },
];

/** Per month of the horizon: demand, capacity before and after of one family, or of every family planned (null). */
export function planChartPoints(plan: Pick<ProcurementPlan, "families">, family: string | null): LinePoint[] {
  const byMonth = new Map<string, { demand: number; before: number; after: number }>();
  for (const f of plan.families) {
    if (family !== null && f.family !== family) continue;
    const m = byMonth.get(f.month) ?? { demand: 0, before: 0, after: 0 };
    m.demand += f.demand;
    m.before += f.capacityBefore;
    m.after += f.capacityAfter;
    byMonth.set(f.month, m);
  }
  return [...byMonth].map(([month, v]) => ({
    label: formatMonthShort(month),
    title: formatMonth(month),
    values: { demand: Math.round(v.demand), before: Math.round(v.before), after: Math.round(v.after) },
  }));
}
