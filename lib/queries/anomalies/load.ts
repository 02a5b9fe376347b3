import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { isoDay } from "@/lib/metrics/calendar";
import type { PricingModel } from "@/lib/metrics/planned-cost";

export type ChargeRow = {
  providerId: string | null;
  providerName: string | null;
  serviceName: string | null;
  currency: string;
  reservationId: string | null;
  workloadId: string | null;
  skuId: string | null;
  resourceId: string | null;
  start: Date;
  end: Date;
  cost: string;
};

export type BlockRow = {
  id: string;
  name: string;
  providerId: string;
  providerName: string;
  siteId: string;
  family: string;
  quantity: number;
  startAt: Date;
  endAt: Date;
  pricingModel: PricingModel;
  rate: string;
};

export type UseRow = { reservationId: string; day: string; usedAh: string };

export type AnomalyData = {
  charges: ChargeRow[];
  blocks: BlockRow[];
  use: UseRow[];
  workloads: { id: string; name: string }[];
  providers: { id: string; name: string }[];
};

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

// Charges of succeeded imports overlapping [from, to), summed per series, line and ChargePeriod (the demo's GPU rows
// are one per block and day; monthly storage rows one per month). Grouped on the workers on Citus.
function loadCharges(db: Executor, from: Date, to: Date) {
  return queryRows<Omit<ChargeRow, "start" | "end"> & { start: string | Date; end: string | Date }>(
    db,
    sql`select c.provider_id as "providerId", c.provider_name as "providerName", c.service_name as "serviceName",
          c.billing_currency as currency, c.reservation_id as "reservationId", c.workload_id as "workloadId",
          c.sku_id as "skuId", c.resource_id as "resourceId", c.charge_period_start as start, c.charge_period_end as "end",
          sum(c.effective_cost)::text as cost
        from cost_line_items c
        where c.import_id in (select id from imports where status = 'succeeded' and kind = 'focus')
          and c.charge_period_start < ${at(to)} and c.charge_period_end > ${at(from)}
        group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`,
  );
}

function loadBlocks(db: Executor, from: Date, to: Date) {
  return queryRows<BlockRow>(
    db,
    sql`select r.id, r.name, r.provider_id as "providerId", p.name as "providerName", r.site_id as "siteId", a.family,
          r.quantity, r.start_at as "startAt", r.end_at as "endAt", r.pricing_model as "pricingModel", r.rate::text as rate
        from reservations r join providers p on p.id = r.provider_id join accelerator_types a on a.id = r.accelerator_type_id
        where r.start_at < ${at(to)} and r.end_at > ${at(from)}`,
  );
}

function loadUse(db: Executor, from: Date, to: Date) {
  return queryRows<UseRow>(
    db,
    sql`select reservation_id as "reservationId", to_char(day, 'YYYY-MM-DD') as day, used_ah::text as "usedAh"
        from utilization_daily where day >= ${isoDay(from)}::date and day < ${isoDay(to)}::date`,
  );
}

const asDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));

/** Everything the detector reads for [from, to), in parallel. */
export async function loadAnomalyData(db: Executor, from: Date, to: Date): Promise<AnomalyData> {
  const [charges, blocks, use, workloads, providers] = await Promise.all([
    loadCharges(db, from, to),
    loadBlocks(db, from, to),
    loadUse(db, from, to),
    queryRows<{ id: string; name: string }>(db, sql`select id, name from workloads`),
    queryRows<{ id: string; name: string }>(db, sql`select id, name from providers`),
  ]);
  return {
    charges: charges.map((c) => ({ ...c, start: asDate(c.start), end: asDate(c.end) })),
    blocks: blocks.map((b) => ({ ...b, quantity: Number(b.quantity), startAt: asDate(b.startAt), endAt: asDate(b.endAt) })),
    use,
    workloads,
    providers,
  };
}
