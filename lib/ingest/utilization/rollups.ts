import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";

/**
 * Recomputes the daily and monthly rollups every view reads (UTC day and month; hours_reported = hourly rows
 * behind the figure) from utilization_hourly: for every key when `days` is omitted (the seed), else only for
 * the (reservation_id, day) pairs that `days` selects and their months. Rows are upserted, so running it again
 * gives the same rollups.
 */
export async function rollUpUtilization(tx: Executor, days?: SQL): Promise<void> {
  if (!days) {
    await tx.execute(sql`
      insert into utilization_daily (reservation_id, day, used_ah, hours_reported)
      select reservation_id, (hour at time zone 'UTC')::date, sum(used_ah), count(*)::int
      from utilization_hourly group by 1, 2
      on conflict (reservation_id, day) do update set used_ah = excluded.used_ah, hours_reported = excluded.hours_reported`);
    await tx.execute(sql`
      insert into utilization_monthly (reservation_id, month, used_ah, hours_reported)
      select reservation_id, date_trunc('month', day::timestamp)::date, sum(used_ah), sum(hours_reported)::int
      from utilization_daily group by 1, 2
      on conflict (reservation_id, month) do update set used_ah = excluded.used_ah, hours_reported = excluded.hours_reported`);
    return;
  }
  await tx.execute(sql`
    with keys as (select distinct reservation_id, day from (${days}) k)
    insert into utilization_daily (reservation_id, day, used_ah, hours_reported)
    select k.reservation_id, k.day, sum(h.used_ah), count(*)::int
    from keys k
    join utilization_hourly h on h.reservation_id = k.reservation_id
      and h.hour >= (k.day::timestamp at time zone 'UTC') and h.hour < ((k.day + 1)::timestamp at time zone 'UTC')
    group by 1, 2
    on conflict (reservation_id, day) do update set used_ah = excluded.used_ah, hours_reported = excluded.hours_reported`);
  await tx.execute(sql`
    with keys as (select distinct reservation_id, date_trunc('month', day::timestamp)::date as month from (${days}) k)
    insert into utilization_monthly (reservation_id, month, used_ah, hours_reported)
    select k.reservation_id, k.month, sum(d.used_ah), sum(d.hours_reported)::int
    from keys k
    join utilization_daily d on d.reservation_id = k.reservation_id
      and d.day >= k.month and d.day < (k.month + interval '1 month')::date
    group by 1, 2
    on conflict (reservation_id, month) do update set used_ah = excluded.used_ah, hours_reported = excluded.hours_reported`);
}
