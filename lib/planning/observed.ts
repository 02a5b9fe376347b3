import { sql } from "drizzle-orm";
import { queryRows } from "@/lib/db/rows";
import { addUtcMonths, startOfUtcMonth } from "@/lib/metrics/calendar";
import type { Period } from "@/lib/metrics/period";
import { dateParam } from "@/lib/queries/overview/sql";
import { requirePermission, type Ctx } from "@/lib/services/context";

export const OBSERVED_MONTHS = 3;

/** Use over the last whole months, from utilization_monthly (never the hourly table). */
export type ObservedUse = {
  period: Period;
  /** Per reservation: accelerator-hours used and held (quantity × hours reported) in the period. */
  byReservation: { reservationId: string; family: string; factor: string; usedAh: string; capacityAh: string }[];
};

/** The last `months` whole months before asOf's month. */
export function observedPeriod(asOf: Date, months = OBSERVED_MONTHS): Period {
  const to = startOfUtcMonth(asOf);
  return { from: addUtcMonths(to, -months), to };
}

export async function loadObservedUse(ctx: Ctx, asOf: Date, months = OBSERVED_MONTHS): Promise<ObservedUse> {
  requirePermission(ctx, "app.read");
  const period = observedPeriod(asOf, months);
  const rows = await queryRows<{ reservation_id: string; family: string; factor: string; used_ah: string; capacity_ah: string }>(
    ctx.db,
    sql`select m.reservation_id, t.family, t.h100_equivalent::text as factor, sum(m.used_ah)::text as used_ah,
               sum(r.quantity::numeric * m.hours_reported)::text as capacity_ah
        from utilization_monthly m
        join reservations r on r.id = m.reservation_id
        join accelerator_types t on t.id = r.accelerator_type_id
        where r.archived_at is null and m.month >= ${dateParam(period.from)} and m.month < ${dateParam(period.to)}
        group by m.reservation_id, t.family, t.h100_equivalent`,
  );
  return {
    period,
    byReservation: rows.map((r) => ({ reservationId: r.reservation_id, family: r.family, factor: r.factor, usedAh: r.used_ah, capacityAh: r.capacity_ah })),
  };
}
