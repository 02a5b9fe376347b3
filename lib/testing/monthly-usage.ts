import type { MonthlyUsage } from "@/lib/metrics/monthly-spend";

// Tests build the used-hours input of the spend and utilization views from plain entries; the app reads it from
// utilization_monthly / utilization_daily (loadMonthlyUsed).

/** A MonthlyUsage from (block id, month start, used_AH) entries. */
export function monthlyUsage(entries: Iterable<readonly [string, Date, string]>): MonthlyUsage {
  const usage = new Map<string, { months: number[]; usedAh: string[] }>();
  for (const [id, month, usedAh] of entries) {
    let row = usage.get(id);
    if (!row) usage.set(id, (row = { months: [], usedAh: [] }));
    row.months.push(month.getTime());
    row.usedAh.push(usedAh);
  }
  return usage;
}
