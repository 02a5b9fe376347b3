import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { getShowback } from "@/lib/queries/allocation/showback";
import { roleCtx } from "@/lib/testing/commercial-fixtures";
import { createDemoTestDatabase } from "@/lib/testing/demo-database";
import { describeOnEachEngine } from "@/lib/testing/databases";

const AS_OF = new Date("2026-11-17T09:30:00Z");

describeOnEachEngine("demo use per workload", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createDemoTestDatabase(engine);
  }, 180_000);
  afterAll(() => handle?.close());

  it("reports one H100 and one H200 shared block per workload, each day's workloads adding up to the hours they split", async () => {
    const days = await queryRows<{ block: string; day: string; workloads: string; used: string; daily: string }>(
      handle.db,
      // Materialized: on Citus the blocks' hours and days become intermediate results joined on the coordinator.
      sql`with blocks as materialized (
            select distinct reservation_id from utilization_workload_daily
          ), hours as materialized (
            select reservation_id, hour, used_ah from utilization_hourly where reservation_id in (select reservation_id from blocks)
          ), daily as materialized (
            select reservation_id, day, used_ah from utilization_daily where reservation_id in (select reservation_id from blocks)
          ), covered as (
            select h.reservation_id, (h.hour at time zone 'UTC')::date as day, sum(h.used_ah) as used
            from hours h
            where exists (select 1 from allocations a where a.reservation_id = h.reservation_id and a.archived_at is null
              and a.start_at <= h.hour and (a.end_at is null or a.end_at > h.hour))
            group by 1, 2
          ), split as (
            select reservation_id, day, sum(used_ah) as used from utilization_workload_daily group by 1, 2
          )
          select r.name as block, s.day::text as day, s.used::text as workloads, c.used::text as used, d.used_ah::text as daily
          from split s
          join reservations r on r.id = s.reservation_id
          join daily d on d.reservation_id = s.reservation_id and d.day = s.day
          left join covered c on c.reservation_id = s.reservation_id and c.day = s.day
          order by 1, 2`,
    );
    expect([...new Set(days.map((d) => d.block.split("-")[2]))]).toEqual(["H100", "H200"]);
    expect(days.length).toBeGreaterThan(300);
    for (const d of days) {
      expect(d.workloads, `${d.block} ${d.day}`).toBe(d.used);
      expect(Number(d.workloads)).toBeLessThanOrEqual(Number(d.daily));
    }
  });

  it("gives the workloads of those blocks their own used and idle in the showback", async () => {
    const [october] = await getShowback(roleCtx(handle.db, "viewer"), {
      from: new Date("2026-10-01T00:00:00Z"),
      to: new Date("2026-11-01T00:00:00Z"),
      rule: { kind: "proportional" },
      asOf: AS_OF,
    });
    const [row] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(distinct workload_id)::int as n from utilization_workload_daily where day >= '2026-10-01' and day < '2026-11-01'`,
    );
    expect(Number(row!.n)).toBeGreaterThanOrEqual(3);
    const own = [...october!.byWorkload.values()].filter((c) => c.usedAh.gt(0) && c.idleAh.gt(0));
    expect(own.length).toBeGreaterThanOrEqual(3);
  });
});
