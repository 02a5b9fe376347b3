import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { allocations } from "@/lib/db/schema";
import type { Family } from "./catalog";
import { SEED_ACTOR } from "./constants";
import { monthDay } from "./dates";
import type { ReservationPlan } from "./reservation-plan";
import { WORKLOADS } from "./teams";

// How the demo lab splits its committed blocks: training chips mostly to pre-training, serving chips to the two
// inference products, a slice of H100 resold to the external customer while its contract runs, and the rest left
// in the free pool (so showback has an unallocated column to show). Pay-per-use blocks are not allocated.
const TRAINING: readonly [string, number][] = [
  ["Frontier pre-training", 0.6],
  ["Post-training and fine-tunes", 0.25],
];
const SERVING: readonly [string, number][] = [
  ["Chat inference", 0.45],
  ["API inference", 0.3],
  ["Multimodal research", 0.1],
];
export const DEMO_SPLITS: Readonly<Record<Family, readonly [string, number][]>> = {
  GB200: TRAINING,
  B200: TRAINING,
  "TPU v5p": TRAINING,
  Trainium2: TRAINING,
  MI325X: TRAINING,
  H100: [...SERVING.slice(0, 2), ["Northwind Robotics (resold capacity)", 0.1], ["Cluster platform and evals", 0.05]],
  H200: SERVING,
  MI300X: SERVING,
  "TPU v6e": SERVING,
  "CS-3": [["Multimodal research", 0.5]],
};

type Planned = { reservation: string; workload: string; quantity: number; startAt: Date; endAt: Date | null };

/** The demo allocations: each reserved block split by its family's shares, within both the block's term and the workload's active period. */
export function planAllocations(blocks: readonly ReservationPlan[], m0: Date): Planned[] {
  const workloads = new Map(WORKLOADS.map((w) => [w.name, w]));
  return blocks.flatMap((b) => {
    if (b.pricingModel !== "reserved") return [];
    return DEMO_SPLITS[b.family].flatMap(([name, share]) => {
      const w = workloads.get(name)!;
      const from = monthDay(m0, w.fromMonth);
      const to = w.toMonth === undefined ? null : monthDay(m0, w.toMonth);
      const startAt = from > b.startAt ? from : b.startAt;
      const endAt = to && to < b.endAt ? to : null;
      const quantity = Math.floor(b.quantity * share);
      if (quantity < 1 || startAt >= (endAt ?? b.endAt)) return [];
      return [{ reservation: b.name, workload: name, quantity, startAt, endAt }];
    });
  });
}

export async function insertAllocations(
  tx: Executor,
  planned: readonly Planned[],
  ids: { reservations: Map<string, string>; workloads: Map<string, string> },
): Promise<number> {
  if (planned.length === 0) return 0;
  await tx.insert(allocations).values(
    planned.map((a) => ({
      reservationId: ids.reservations.get(a.reservation)!,
      workloadId: ids.workloads.get(a.workload)!,
      quantity: a.quantity,
      startAt: a.startAt,
      endAt: a.endAt,
      updatedBy: SEED_ACTOR,
    })),
  );
  return planned.length;
}

/**
 * The shared blocks whose demo utilization is reported per workload (the feed's workload column): the first reserved
 * H100 and H200 block (in plan order) running at asOf and split among at least 3 workloads.
 */
export function blocksReportingWorkloads(blocks: readonly ReservationPlan[], planned: readonly Planned[], asOf: Date): string[] {
  const count = new Map<string, number>();
  for (const a of planned) count.set(a.reservation, (count.get(a.reservation) ?? 0) + 1);
  return (["H100", "H200"] as const).flatMap((family) => {
    const b = blocks.find(
      (r) => r.family === family && r.pricingModel === "reserved" && r.startAt <= asOf && asOf < r.endAt && (count.get(r.name) ?? 0) >= 3,
    );
    return b ? [b.name] : [];
  });
}

/**
 * Use per workload and day of those blocks, as the feed would load it: each hour's used AH (already in
 * utilization_hourly) split among the allocations active in that hour, by quantity × a daily factor per workload
 * (0.55 … 1.45, from a stable hash), so workloads differ from their allocation's share; hours no allocation covers
 * carry no workload. Per day, every workload's AH is truncated to 4 decimals and the last takes the rest, so Σ
 * workloads = the split hours' Σ exactly.
 */
export async function insertWorkloadUse(
  tx: Executor,
  names: readonly string[],
  ids: { reservations: Map<string, string>; workloads: Map<string, string> },
): Promise<void> {
  if (names.length === 0) return;
  const blockIds = `{${names.map((n) => ids.reservations.get(n)!).join(",")}}`;
  // The seed of a workload is its place in the register: stable, unlike its id.
  const seeds = JSON.stringify(WORKLOADS.map((w, i) => ({ id: ids.workloads.get(w.name)!, seed: 7_919 * (i + 1) })));
  // The blocks' hours are read first (materialized: on Citus an intermediate result), so the rest runs as one
  // query over them and the reference tables.
  await tx.execute(sql`
    insert into utilization_workload_daily (reservation_id, workload_id, day, used_ah)
    with hours as materialized (
      select reservation_id, hour, used_ah from utilization_hourly where reservation_id = any(${blockIds}::uuid[])
    ), seeds as (
      select id, seed from jsonb_to_recordset(${seeds}::jsonb) as x(id uuid, seed bigint)
    ), weighted as (
      select h.reservation_id, h.hour, h.used_ah, a.workload_id, s.seed,
        round((a.quantity * (0.55 + 0.9 * (
          (hashint8extended(extract(epoch from h.hour)::bigint / 86400, s.seed) & 4294967295)::float8 / 4294967296.0)))::numeric, 6) as weight
      from hours h
      join allocations a on a.reservation_id = h.reservation_id and a.archived_at is null
        and a.start_at <= h.hour and (a.end_at is null or a.end_at > h.hour)
      join seeds s on s.id = a.workload_id
    ), shares as (
      select reservation_id, workload_id, seed, (hour at time zone 'UTC')::date as day,
        used_ah * weight / sum(weight) over (partition by reservation_id, hour) as share,
        case when row_number() over (partition by reservation_id, hour order by seed) = 1 then used_ah else 0 end as hour_used
      from weighted
    ), days as (
      select reservation_id, workload_id, day, sum(share) as used, sum(hour_used) as hours_used,
        row_number() over (partition by reservation_id, day order by min(seed) desc) as k
      from shares group by 1, 2, 3
    ), split as (
      select reservation_id, workload_id, day, k, trunc(used, 4) as used,
        sum(hours_used) over (partition by reservation_id, day) - sum(trunc(used, 4)) over (partition by reservation_id, day) as rest
      from days
    )
    select reservation_id, workload_id, day, case when k = 1 then used + rest else used end from split`);
}
