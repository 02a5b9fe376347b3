import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { addUtcMonths, parseUtc, startOfUtcMonth } from "@/lib/metrics/calendar";
import { dec, type Dec } from "@/lib/metrics/decimal";
import { hoursIn, type Period } from "@/lib/metrics/period";
import { dateParam } from "@/lib/db/sql";

export type CapacityGroupBy = "family" | "provider" | "site";
export type CapacityUnit = "accelerators" | "h100e";

export type UsageHistoryParams = {
  /** First month not in the history (the month of asOf: it is still running). */
  before: Date;
  /** How many whole months to read back from `before`. */
  months: number;
  by: CapacityGroupBy;
  unit: CapacityUnit;
  providerId?: string | null;
  family?: string | null;
  siteId?: string | null;
};

/** Used accelerator-hours (unit accelerators) or H100e·h (unit h100e) per group and month, oldest first. */
/** `complete`: some block of the group reported at least half the month's hours (a feed that began mid-month is not). */
export type UsageHistoryGroup = { key: string; label: string; used: Dec[]; complete: boolean[] };
export type UsageHistory = { months: Period[]; groups: UsageHistoryGroup[] };

export function groupColumns(by: CapacityGroupBy): { key: SQL; label: SQL } {
  if (by === "provider") return { key: sql`r.provider_id::text`, label: sql`p.name` };
  if (by === "site") return { key: sql`r.site_id::text`, label: sql`s.name` };
  return { key: sql`t.family`, label: sql`t.family` };
}

/**
 * Reads utilization_monthly only (never the hourly table), for reservations not archived, one row per group and
 * month; months without a row are 0.
 */
export async function loadUsageHistory(db: Executor, params: UsageHistoryParams): Promise<UsageHistory> {
  const to = startOfUtcMonth(params.before);
  const from = addUtcMonths(to, -params.months);
  const months = Array.from({ length: params.months }, (_, i) => ({ from: addUtcMonths(from, i), to: addUtcMonths(from, i + 1) }));
  const { key, label } = groupColumns(params.by);
  const factor = params.unit === "h100e" ? sql`t.h100_equivalent` : sql`1`;
  const rows = await queryRows<{ month: string; key: string; label: string; used: string; reported: number }>(
    db,
    sql`select to_char(m.month, 'YYYY-MM-DD') as month, ${key} as key, ${label} as label,
               sum(m.used_ah * ${factor})::text as used, max(m.hours_reported)::int as reported
        from utilization_monthly m
        join reservations r on r.id = m.reservation_id
        join accelerator_types t on t.id = r.accelerator_type_id
        join providers p on p.id = r.provider_id
        join sites s on s.id = r.site_id
        where r.archived_at is null and m.month >= ${dateParam(from)} and m.month < ${dateParam(to)}
          ${params.providerId ? sql`and r.provider_id = ${params.providerId}` : sql``}
          ${params.family ? sql`and t.family = ${params.family}` : sql``}
          ${params.siteId ? sql`and r.site_id = ${params.siteId}` : sql``}
        group by m.month, ${key}, ${label}`,
  );
  const index = new Map(months.map((m, i) => [m.from.getTime(), i]));
  const groups = new Map<string, UsageHistoryGroup>();
  for (const r of rows) {
    const g = groups.get(r.key) ?? { key: r.key, label: r.label, used: months.map(() => dec(0)), complete: months.map(() => false) };
    const i = index.get(parseUtc(r.month).getTime())!;
    g.used[i] = g.used[i]!.plus(r.used);
    g.complete[i] = g.complete[i]! || hoursIn(months[i]!).div(2).lte(r.reported);
    groups.set(r.key, g);
  }
  return { months, groups: [...groups.values()].sort((a, b) => a.label.localeCompare(b.label)) };
}
