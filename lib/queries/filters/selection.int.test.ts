import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import {
  allocations,
  demandPlans,
  teams,
  utilizationDaily,
  utilizationMonthly,
  utilizationWorkloadDaily,
  workloads,
} from "@/lib/db/schema";
import { Dec } from "@/lib/metrics/decimal";
import { ownCost } from "@/lib/metrics/showback";
import { getShowback } from "@/lib/queries/allocation/showback";
import { getCapacity } from "@/lib/queries/capacity";
import { capacityCsv } from "@/lib/queries/capacity/csv";
import { getSelectionCosts, getSelectionCostsFromUrl } from "@/lib/queries/costs/selection";
import { getUtilizationFromUrl } from "@/lib/queries/utilization";
import { insertCatalog, insertReservationRow, roleCtx } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import type { Ctx } from "@/lib/auth/context";
import { getFilterOptions } from "./options";
import { loadSelection } from "./selection";

// One reserved block of 10 accelerators at $2 / AH, all of 2026, shared 60/40 by workload "Pretrain" (team Research ›
// Foundation) and "Serve" (team Product). June (720 h): 7,200 AH, $14,400 planned, 5,040 AH used (70 %, not split by
// the feed) → Pretrain holds 4,320 AH, uses 3,024 ($6,048) and idles 1,296 ($2,592): $8,640 with nothing shared.
const AS_OF = new Date("2026-07-15T00:00:00Z");
const JUNE = new Date("2026-06-01T00:00:00Z");
const JULY = new Date("2026-07-01T00:00:00Z");
const MAY = new Date("2026-05-01T00:00:00Z");

describeOnEachEngine("the team / workload filter", (engine) => {
  let handle: DbHandle;
  let viewer: Ctx;
  const ids = { research: "", foundation: "", product: "", pretrain: "", serve: "", block: "" };

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const db = handle.db;
    const catalog = await insertCatalog(db);
    const block = await insertReservationRow(db, catalog, {
      quantity: 10,
      rate: "2",
      startAt: new Date("2026-01-01T00:00:00Z"),
      endAt: new Date("2027-01-01T00:00:00Z"),
      status: "active",
    });
    const [research] = await db.insert(teams).values({ name: "Research" }).returning();
    const [foundation] = await db.insert(teams).values({ name: "Foundation", parentId: research!.id }).returning();
    const [product] = await db.insert(teams).values({ name: "Product" }).returning();
    const [pretrain] = await db
      .insert(workloads)
      .values({ name: "Pretrain", kind: "training", teamId: foundation!.id, activeFrom: "2026-01-01" })
      .returning();
    const [serve] = await db
      .insert(workloads)
      .values({ name: "Serve", kind: "inference", teamId: product!.id, activeFrom: "2026-01-01" })
      .returning();
    await db.insert(allocations).values([
      { reservationId: block.id, workloadId: pretrain!.id, quantity: 6, startAt: new Date("2026-01-01T00:00:00Z") },
      { reservationId: block.id, workloadId: serve!.id, quantity: 4, startAt: new Date("2026-01-01T00:00:00Z") },
    ]);
    await db.insert(utilizationMonthly).values({ reservationId: block.id, month: "2026-06-01", usedAh: "5040", hoursReported: 720 });
    await db.insert(utilizationDaily).values(
      Array.from({ length: 30 }, (_, i) => ({
        reservationId: block.id,
        day: `2026-06-${String(i + 1).padStart(2, "0")}`,
        usedAh: "168",
        hoursReported: 24,
      })),
    );
    await db.insert(demandPlans).values([
      {
        name: "Pretrain next run",
        kind: "training",
        workloadId: pretrain!.id,
        acceleratorFamily: "H100",
        accelerators: 3,
        startDate: "2026-09-01",
        endDate: "2026-12-01",
      },
      {
        name: "Serve launch",
        kind: "inference",
        workloadId: serve!.id,
        acceleratorFamily: "H100",
        accelerators: 5,
        startDate: "2026-09-01",
        endDate: "2026-12-01",
      },
    ]);
    Object.assign(ids, {
      research: research!.id,
      foundation: foundation!.id,
      product: product!.id,
      pretrain: pretrain!.id,
      serve: serve!.id,
      block: block.id,
    });
    viewer = roleCtx(db, "viewer");
  }, 180_000);
  afterAll(() => handle?.close());

  it("selects a team's workloads and those of its sub-teams; a workload of another team selects nothing", async () => {
    expect(await loadSelection(viewer, { team: ids.research, workload: null })).toMatchObject({
      label: "Research",
      workloadIds: [ids.pretrain],
      teamIds: expect.arrayContaining([ids.research, ids.foundation]),
    });
    expect(await loadSelection(viewer, { team: ids.foundation, workload: null })).toMatchObject({
      label: "Research › Foundation",
      workloadIds: [ids.pretrain],
    });
    expect(await loadSelection(viewer, { team: null, workload: ids.serve })).toMatchObject({ label: "Serve", teamIds: [] });
    expect((await loadSelection(viewer, { team: ids.research, workload: ids.serve }))!.workloadIds).toEqual([]);
    expect(await loadSelection(viewer, { team: null, workload: null })).toBeNull();
    const options = await getFilterOptions(viewer);
    expect(options.teams.map((t) => [t.label, t.level])).toEqual([
      ["Product", 1],
      ["Research", 1],
      ["Foundation", 2],
    ]);
    expect(options.workloads.map((w) => [w.label, w.group])).toEqual([
      ["Serve", "Product"],
      ["Pretrain", "Research › Foundation"],
    ]);
  });

  describe("/capacity", () => {
    const params = { provider: null, family: null, site: null, scenario: null, by: "family", unit: "accelerators", asOf: AS_OF } as const;

    it("holds 60 % of the block for team Research (through its sub-team) and demands only its plans", async () => {
      const all = await getCapacity(viewer, params);
      const research = await getCapacity(viewer, { ...params, team: ids.research });
      expect(all.selection).toBeNull();
      expect(research.selection!.label).toBe("Research");
      expect(all.total.points[0]!.capacity.toNumber()).toBe(10);
      expect(research.total.points[0]!.capacity.toNumber()).toBe(6);
      expect(research.model.blocks.map((b) => [b.id, b.quantity])).toEqual([[ids.block, 6]]);
      expect(research.model.demandPlans.map((p) => p.name)).toEqual(["Pretrain next run"]);
      // September: 3 planned accelerators on top of the forecast of its 70 % share of use (3,024 AH in June ≈ 4.2).
      const september = research.total.points.find((p) => p.month.from.toISOString().startsWith("2026-09"))!;
      expect(september.planned.toNumber()).toBe(3);
      expect(research.total.past.find((p) => p.month.from.getTime() === JUNE.getTime())!.used.toNumber()).toBeCloseTo(3_024 / 720, 6);
      const serve = await getCapacity(viewer, { ...params, workload: ids.serve });
      expect(serve.total.points[0]!.capacity.toNumber()).toBe(4);
      const csv = capacityCsv(research, "total");
      expect(csv.header.at(-1)).toBe("allocated_to");
      expect([...csv.rows][0]!.at(-1)).toBe("Research");
    });
  });

  describe("/utilization", () => {
    it("counts the allocated hours as capacity and the pro-rata share of use as used", async () => {
      const { view } = await getUtilizationFromUrl(
        viewer,
        new URLSearchParams(`from=2026-06&to=2026-06&grain=month&team=${ids.research}`),
        AS_OF,
      );
      expect(view.selection!.label).toBe("Research");
      expect([view.total.capacityAh.toNumber(), view.total.usedAh.toNumber(), view.total.idleAh.toNumber()]).toEqual([4_320, 3_024, 1_296]);
      expect(view.total.idleCost.toNumber()).toBe(2_592);
      expect(view.blocks.map((b) => [b.block.reservationId, b.block.name.endsWith(" · Pretrain")])).toEqual([[ids.block, true]]);
      // Daily: 30 days of 168 AH used of 240 → 70 % again, per day.
      const daily = await getUtilizationFromUrl(
        viewer,
        new URLSearchParams(`from=2026-06&to=2026-06&grain=day&workload=${ids.serve}`),
        AS_OF,
      );
      expect(daily.view.grain).toBe("day");
      expect([daily.view.total.capacityAh.toNumber(), daily.view.total.usedAh.toNumber()]).toEqual([2_880, 2_016]);
    });
  });

  describe("/costs", () => {
    it("is the team's showback cost: own cost by part, shared apart, as getShowback gives it", async () => {
      const selected = await getSelectionCostsFromUrl(viewer, new URLSearchParams(`from=2026-06&to=2026-06&team=${ids.research}`), AS_OF);
      const june = selected!.costs.months[0]!;
      expect(june.month.from).toEqual(JUNE);
      expect([june.cost.usedCost, june.cost.idleCost, june.cost.own, june.cost.shared, june.cost.total].map((d) => d.toFixed(2))).toEqual([
        "6048.00",
        "2592.00",
        "8640.00",
        "0.00",
        "8640.00",
      ]);
      const [showback] = await getShowback(viewer, { from: JUNE, to: JULY, asOf: AS_OF });
      expect(june.cost.own.eq(ownCost(showback!.byWorkload.get(ids.pretrain)!))).toBe(true);
      // Both teams and what nobody holds add up to the month's total.
      const product = await getSelectionCosts(
        viewer,
        { from: JUNE, to: JULY },
        (await loadSelection(viewer, { team: ids.product, workload: null }))!,
        AS_OF,
      );
      expect(june.cost.total.plus(product.months[0]!.cost.total).plus(showback!.unallocated).eq(showback!.total)).toBe(true);
      expect(showback!.total.eq(new Dec(14_400))).toBe(true);
    });
  });
  it("takes each workload's use from what the feed reported for it where it did, on every page as on the showback", async () => {
    // May (744 h): 7,440 AH, 5,208 used (70 %), and this time the feed named the workloads: Pretrain 130 AH a day
    // (4,030), Serve 38 (1,178). Pro rata would have said 3,124.8 and 2,083.2.
    const db = handle.db;
    const days = Array.from({ length: 31 }, (_, i) => `2026-05-${String(i + 1).padStart(2, "0")}`);
    await db.insert(utilizationMonthly).values({ reservationId: ids.block, month: "2026-05-01", usedAh: "5208", hoursReported: 744 });
    await db.insert(utilizationDaily).values(days.map((day) => ({ reservationId: ids.block, day, usedAh: "168", hoursReported: 24 })));
    await db.insert(utilizationWorkloadDaily).values(
      days.flatMap((day) => [
        { reservationId: ids.block, workloadId: ids.pretrain, day, usedAh: "130" },
        { reservationId: ids.block, workloadId: ids.serve, day, usedAh: "38" },
      ]),
    );
    const [showback] = await getShowback(viewer, { from: MAY, to: JUNE, asOf: AS_OF });
    expect([ids.pretrain, ids.serve].map((id) => showback!.byWorkload.get(id)!.usedAh.toNumber())).toEqual([4_030, 1_178]);

    const { view } = await getUtilizationFromUrl(
      viewer,
      new URLSearchParams(`from=2026-05&to=2026-05&grain=month&team=${ids.research}`),
      AS_OF,
    );
    expect([view.total.capacityAh.toNumber(), view.total.usedAh.toNumber(), view.total.idleAh.toNumber()]).toEqual([4_464, 4_030, 434]);
    const daily = await getUtilizationFromUrl(
      viewer,
      new URLSearchParams(`from=2026-05&to=2026-05&grain=day&workload=${ids.serve}`),
      AS_OF,
    );
    expect([daily.view.total.capacityAh.toNumber(), daily.view.total.usedAh.toNumber()]).toEqual([2_976, 1_178]);

    const capacity = await getCapacity(viewer, {
      provider: null,
      family: null,
      site: null,
      scenario: null,
      by: "family",
      unit: "accelerators",
      asOf: AS_OF,
      team: ids.research,
    });
    expect(capacity.total.past.find((p) => p.month.from.getTime() === MAY.getTime())!.used.toNumber()).toBeCloseTo(4_030 / 744, 6);
  });
});
