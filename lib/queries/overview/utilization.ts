import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { addUtcDays, isoDay, startOfUtcDay, utcDays } from "@/lib/metrics/calendar";
import { dec, sumDec, type Dec } from "@/lib/metrics/decimal";
import type { Period } from "@/lib/metrics/period";
import type { PricingModel } from "@/lib/metrics/planned-cost";
import { idleCost, utilization } from "@/lib/metrics/utilization";
import { dateParam, dayCapacitySql, MONEY_CURRENCY } from "./sql";

export const UTILIZATION_DAYS = 30;

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
 */
export async function loadUtilization(db: Executor, asOf: Date, days = UTILIZATION_DAYS): Promise<UtilizationSection> {
  const to = startOfUtcDay(asOf);
  const window = { from: addUtcDays(to, -days), to };
  const rollups = sql`select d.day, d.used_ah, ${dayCapacitySql("d.day", "r")} as capacity_ah, t.family, r.pricing_model, r.rate, r.currency
    from utilization_daily d
    join reservations r on r.id = d.reservation_id
    join accelerator_types t on t.id = r.accelerator_type_id
    where r.archived_at is null and d.day >= ${dateParam(window.from)} and d.day < ${dateParam(window.to)}`;
  const [dayRows, familyRows] = await Promise.all([
    queryRows<{ day: string; used_ah: string; capacity_ah: string }>(
      db,
      sql`with u as (${rollups})
          select to_char(day, 'YYYY-MM-DD') as day, sum(used_ah)::text as used_ah, sum(capacity_ah)::text as capacity_ah
          from u group by day`,
    ),
    queryRows<{ family: string; pricing_model: PricingModel; rate: string; currency: string; used_ah: string; capacity_ah: string }>(
      db,
      sql`with u as (${rollups})
          select family, pricing_model::text as pricing_model, rate::text as rate, currency,
                 sum(used_ah)::text as used_ah, sum(capacity_ah)::text as capacity_ah
          from u group by family, pricing_model, rate, currency`,
    ),
  ]);
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
    if (r.currency === MONEY_CURRENCY) f.idle = f.idle.plus(idleCost({ pricingModel: r.pricing_model, rate: r.rate, capacityAh: r.capacity_ah, usedAh: r.used_ah }));
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
