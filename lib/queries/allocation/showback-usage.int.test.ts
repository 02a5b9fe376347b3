import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { allocations, teams, workloads } from "@/lib/db/schema";
import { importUtilizationCsv } from "@/lib/services/imports/utilization/import";
import { insertCatalog, insertReservationRow, roleCtx, uniq } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { getShowback } from "./showback";

// Showback's used and idle per workload from the utilization feed's workload column (hand-worked).
//
// Each block: reserved, 10 accelerators at $2.50/AH over [10 Mar 2026 12:00, 11 Mar 2026 12:00) UTC = 24 h, so
// capacity 240 AH and cost (planned: no billing) 240 × 2.50 = $600. Shared 60/40: workload A holds 6 (144 AH), B 4
// (96 AH); the free pool is empty. The feed reports every hour per workload.
//
// Block 1, 70 % use per workload: A 4.2 AH/h, B 2.8 AH/h.
//   A: used 24 × 4.2 = 100.8 AH → 100.8 × 2.50 = $252; idle 144 − 100.8 = 43.2 AH → $108.
//   B: used 24 × 2.8 =  67.2 AH → $168;                  idle 96 − 67.2 = 28.8 AH → $72.
//   252 + 108 + 168 + 72 = $600.
// Block 2, the same 7 AH/h in all (70 % of the block) but A 5.4 AH/h (90 %), B 1.6 AH/h (40 %): pro rata to the
// allocations would give both 70 % again; per workload it is
//   A: used 129.6 AH → $324; idle 14.4 AH → $36.   B: used 38.4 AH → $96; idle 57.6 AH → $144.   324+36+96+144 = $600.

const FROM = new Date("2026-03-01T00:00:00Z");
const TO = new Date("2026-04-01T00:00:00Z");
const START = Date.UTC(2026, 2, 10, 12);

describeOnEachEngine("showback with use per workload from the utilization feed", (engine) => {
  let handle: DbHandle;
  const ids: Record<"a1" | "b1" | "a2" | "b2", string> = { a1: "", b1: "", a2: "", b2: "" };

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const db = handle.db;
    const catalog = await insertCatalog(db);
    const [team] = await db
      .insert(teams)
      .values({ name: uniq("Team") })
      .returning();
    const workload = async (name: string) => {
      const [w] = await db.insert(workloads).values({ name, kind: "training", teamId: team!.id, activeFrom: "2026-01-01" }).returning();
      return w!.id;
    };
    const rows: string[] = ["reservation,hour,used_ah,workload"];
    const block = async (a: string, b: string, usedA: string, usedB: string) => {
      const startAt = new Date(START);
      const endAt = new Date(START + 24 * 3_600_000);
      const r = await insertReservationRow(db, catalog, { name: uniq("shared"), quantity: 10, rate: "2.5", startAt, endAt });
      await db.insert(allocations).values([
        { reservationId: r.id, workloadId: a, quantity: 6, startAt, endAt: null },
        { reservationId: r.id, workloadId: b, quantity: 4, startAt, endAt: null },
      ]);
      for (let h = 0; h < 24; h++) {
        const hour = new Date(START + h * 3_600_000).toISOString();
        rows.push(`${r.name},${hour},${usedA},${a}`, `${r.name},${hour},${usedB},${b}`);
      }
    };
    ids.a1 = await workload("A1");
    ids.b1 = await workload("B1");
    ids.a2 = await workload("A2");
    ids.b2 = await workload("B2");
    await block(ids.a1, ids.b1, "4.2", "2.8");
    await block(ids.a2, ids.b2, "5.4", "1.6");
    async function* csv() {
      yield Buffer.from(rows.join("\n"));
    }
    const result = await importUtilizationCsv({ ctx: roleCtx(db, "infra"), source: csv(), fileName: "shared.csv" });
    expect(result).toMatchObject({ status: "succeeded", summary: { reservations: 2, hours: 48, usedAh: "336.0000" } });
  });
  afterAll(() => handle.close());

  it("splits a shared block's cost into used and idle per workload by the use each reported", async () => {
    const [march] = await getShowback(roleCtx(handle.db, "viewer"), {
      from: FROM,
      to: TO,
      rule: { kind: "proportional" },
      asOf: new Date("2026-06-01T00:00:00Z"),
    });
    const of = (id: string) => {
      const c = march!.byWorkload.get(id)!;
      return [c.allocatedAh, c.usedAh, c.idleAh, c.usedCost, c.idleCost, c.unmeasuredCost].map((d) => d.toFixed(2));
    };
    expect(of(ids.a1)).toEqual(["144.00", "100.80", "43.20", "252.00", "108.00", "0.00"]);
    expect(of(ids.b1)).toEqual(["96.00", "67.20", "28.80", "168.00", "72.00", "0.00"]);
    expect(of(ids.a2)).toEqual(["144.00", "129.60", "14.40", "324.00", "36.00", "0.00"]);
    expect(of(ids.b2)).toEqual(["96.00", "38.40", "57.60", "96.00", "144.00", "0.00"]);
    expect(march!.total.toFixed(2)).toBe("1200.00");
    expect(march!.pool.cost.toFixed(2)).toBe("0.00");
  });
});
