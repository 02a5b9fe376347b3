import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { addUtcDays, isoDay, startOfUtcDay, utcDays } from "@/lib/metrics/calendar";
import { dec, sumDec, type Dec } from "@/lib/metrics/decimal";
import type { Period } from "@/lib/metrics/period";
import type { PricingModel } from "@/lib/metrics/planned-cost";
import { idleCost, utilization } from "@/lib/metrics/utilization";
import { dateParam, MONEY_CURRENCY } from "@/lib/db/sql";

export const UTILIZATION_DAYS = 30;

const HOUR_US = sql.raw("3600000000");
const DAY_US = sql.raw("86400000000");

type Usage = { usedAh: Dec; capacityAh: Dec; ratio: Dec | null };
export type UtilizationSection = Usage & {
  window: Period;
  idleCost: Dec;
  daily: (Usage & { day: Period })[];
  byFamily: (Usage & { family: string; idleCost: Dec })[];
};

function usage(usedAh: Dec, capacityAh: Dec): Usage {
  return { usedAh, capacityAh, ratio: utilization(usedAh, capacityAh) };
}

/**
 * The last 30 whole UTC days before asOf, from utilization_daily only. Capacity counts a block on the days it has
 * a rollup row: quantity × the hours of that day inside [start, end). Blocks that report nothing are left out.
 * One pass over the window's rollup rows sums them per day and per block (grouping sets); the blocks' sums are then
 * grouped by family and price. Overlaps are whole microseconds (bigint), divided into hours once per sum.
 */
export async function loadUtilization(db: Executor, asOf: Date, days = UTILIZATION_DAYS): Promise<UtilizationSection> {
  const to = startOfUtcDay(asOf);
  const window = { from: addUtcDays(to, -days), to };
  const rows = await queryRows<{
    day: string | null;
    family: string;
    pricing_model: PricingModel;
    rate: string;
    currency: string;
    used_ah: string;
    capacity_ah: string;
  }>(
    db,
    sql`with b as (
          select r.id, r.quantity, t.family, r.pricing_model, r.rate, r.currency,
                 (extract(epoch from r.start_at) * 1000000)::bigint as start_us, (extract(epoch from r.end_at) * 1000000)::bigint as end_us
          from reservations r join accelerator_types t on t.id = r.accelerator_type_id
          where r.archived_at is null
        ), g as (
          select grouping(d.day) = 0 as by_day, d.day, d.reservation_id, sum(d.used_ah) as used_ah,
                 sum(b.quantity * greatest(0, least(b.end_us, (d.day - date '1970-01-01' + 1) * ${DAY_US}::bigint)
                                             - greatest(b.start_us, (d.day - date '1970-01-01') * ${DAY_US}::bigint))) as capacity_us
          from utilization_daily d join b on b.id = d.reservation_id
          where d.day >= ${dateParam(window.from)} and d.day < ${dateParam(window.to)}
          group by grouping sets ((d.day), (d.reservation_id))
        )
        select to_char(g.day, 'YYYY-MM-DD') as day, null as family, null as pricing_model, null as rate, null as currency,
               g.used_ah::text as used_ah, (g.capacity_us / ${HOUR_US})::text as capacity_ah
        from g where g.by_day
        union all
        select null, b.family, b.pricing_model::text, b.rate::text, b.currency, sum(g.used_ah)::text, (sum(g.capacity_us) / ${HOUR_US})::text
        from g join b on b.id = g.reservation_id where not g.by_day
        group by b.family, b.pricing_model, b.rate, b.currency`,
  );
  const dayRows = rows.filter((r) => r.day !== null);
  const familyRows = rows.filter((r) => r.day === null);
  const byDay = new Map(dayRows.map((r) => [r.day, r]));
  const daily = utcDays(window).map((day) => {
    const r = byDay.get(isoDay(day.from));
    return { day, ...usage(dec(r?.used_ah), dec(r?.capacity_ah)) };
  });
  const families = new Map<string, { used: Dec; capacity: Dec; idle: Dec }>();
  for (const r of familyRows) {
    const f = families.get(r.family) ?? { used: dec(0), capacity: dec(0), idle: dec(0) };
    f.used = f.used.plus(r.used_ah);
    f.capacity = f.capacity.plus(r.capacity_ah);
    if (r.currency === MONEY_CURRENCY)
      f.idle = f.idle.plus(idleCost({ pricingModel: r.pricing_model, rate: r.rate, capacityAh: r.capacity_ah, usedAh: r.used_ah }));
    families.set(r.family, f);
  }
  const byFamily = [...families.entries()]
    .map(([family, f]) => ({ family, ...usage(f.used, f.capacity), idleCost: f.idle }))
    .sort((a, b) => b.capacityAh.comparedTo(a.capacityAh) || a.family.localeCompare(b.family));
  return {
    window,
    ...usage(sumDec(byFamily.map((f) => f.usedAh)), sumDec(byFamily.map((f) => f.capacityAh))),
    idleCost: sumDec(byFamily.map((f) => f.idleCost)),
    daily,
    byFamily,
  };
}
