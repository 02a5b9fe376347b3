import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { scenarios } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { roleCtx } from "@/lib/testing/commercial-fixtures";
import { createDemoTestDatabase } from "@/lib/testing/demo-database";
import { describeOnEachEngine } from "@/lib/testing/databases";
import type { Ctx } from "@/lib/auth/context";
import { applyScenario } from "./apply";
import { loadBaseline, loadPlanningModel } from "./model";
import { scenarioOverridesSchema } from "./overrides";
import { parsePlanningFilters } from "@/lib/queries/filters/params";
import { capacityAh } from "@/lib/metrics/capacity";
import { dec } from "@/lib/metrics/decimal";
import { getScenarioComparison } from "@/lib/queries/scenarios/compare";

const AS_OF = new Date("2026-11-17T09:30:00Z");

describeOnEachEngine("loadPlanningModel on the demo seed", (engine) => {
  let handle: DbHandle;
  let viewer: Ctx;
  beforeAll(async () => {
    handle = await createDemoTestDatabase(engine);
    viewer = roleCtx(handle.db, "viewer");
  }, 120_000);
  afterAll(() => handle?.close());

  it("reads every reservation not archived, its start moved to a later delivery date, with its catalog facts", async () => {
    const model = await loadPlanningModel(viewer, { asOf: AS_OF });
    const raw = await queryRows<{
      id: string;
      start_at: string;
      quantity: number;
      rate: string;
      family: string;
      factor: string;
      system_w: number;
    }>(
      handle.db,
      sql`select r.id, to_char(greatest(r.start_at, coalesce(r.delivery_date::timestamp at time zone 'UTC', r.start_at)) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as start_at,
                 r.quantity, r.rate::text as rate, t.family, t.h100_equivalent::text as factor, t.system_w
          from reservations r join accelerator_types t on t.id = r.accelerator_type_id where r.archived_at is null`,
    );
    expect(model.scenario).toBeNull();
    expect(model.demandGrowthPct).toBe("0");
    expect(model.warnings).toEqual([]);
    expect(model.blocks).toHaveLength(raw.length);
    const byId = new Map(model.blocks.map((b) => [b.id, b]));
    for (const r of raw) {
      const b = byId.get(r.id)!;
      expect([b.startAt.toISOString(), b.quantity, b.rate, b.family, b.h100eFactor, b.systemW]).toEqual([
        r.start_at,
        r.quantity,
        r.rate,
        r.family,
        r.factor,
        r.system_w,
      ]);
    }
    const late = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from reservations where delivery_date > (start_at at time zone 'UTC')::date`,
    );
    expect(late[0]!.n).toBeGreaterThan(0);
  });

  it("reads sites with PUE and budget steps, and only the baseline's demand plans", async () => {
    const model = await loadPlanningModel(viewer, { asOf: AS_OF });
    const [counts] = await queryRows<{ sites: number; budgets: number; plans: number }>(
      handle.db,
      sql`select (select count(*)::int from sites where archived_at is null) as sites,
                 (select count(*)::int from power_budgets b join sites s on s.id = b.site_id where s.archived_at is null) as budgets,
                 (select count(*)::int from demand_plans where archived_at is null and scenario_id is null) as plans`,
    );
    expect(model.sites).toHaveLength(counts!.sites);
    expect(model.sites.reduce((n, s) => n + s.budgets.length, 0)).toBe(counts!.budgets);
    expect(model.demandPlans).toHaveLength(counts!.plans);
    expect(model.demandPlans.every((p) => p.scenarioId === null)).toBe(true);
    // "Chat inference growth" is given as 12,000 H100e; "Open-weights serving" as 6,144 MI300X × the type's factor.
    const [mi] = await queryRows<{ factor: string }>(
      handle.db,
      sql`select h100_equivalent::text as factor from accelerator_types where family = 'MI300X' limit 1`,
    );
    const plans = new Map(model.demandPlans.map((p) => [p.name, p]));
    expect(plans.get("Chat inference growth")!.h100e).toBe("12000");
    expect(plans.get("Open-weights serving")!.h100e).toBe(String(6144 * Number(mi!.factor)));
  });

  it("switches to a seeded scenario: its demand growth and its own demand plans, the same blocks", async () => {
    const [row] = await handle.db.select().from(scenarios).where(eq(scenarios.name, "Baseline +30 % demand"));
    const model = await loadPlanningModel(viewer, { asOf: AS_OF, scenarioId: row!.id });
    const base = await loadPlanningModel(viewer, { asOf: AS_OF });
    expect(model.scenario).toEqual({ id: row!.id, name: "Baseline +30 % demand" });
    expect(model.demandGrowthPct).toBe("30");
    expect(model.warnings).toEqual([]);
    expect(model.blocks).toEqual(base.blocks);
    expect(model.demandPlans.map((p) => p.name).sort()).toEqual([...base.demandPlans.map((p) => p.name), "Agents launch (upside)"].sort());
  });

  it("applies stored overrides exactly as applyScenario does, and leaves the registers unchanged", async () => {
    const base = await loadBaseline(viewer, AS_OF);
    const gb200 = base.catalog.acceleratorTypes.find((t) => t.family === "GB200")!;
    const site = base.sites[0]!;
    const [a, b] = base.blocks;
    const overrides = {
      demandGrowthPct: "15",
      addReservations: [
        {
          name: "Scenario GB200",
          providerId: site.providerId,
          siteId: site.id,
          acceleratorTypeId: gb200.id,
          quantity: 2048,
          startAt: "2027-01-01",
          endAt: "2030-01-01",
          pricingModel: "reserved",
          rate: "4.25",
        },
      ],
      removeReservationIds: [a!.id],
      delaySlips: [{ reservationId: b!.id, months: 2 }],
      pueBySite: { [site.id]: "1.5" },
      priceChangePct: [{ family: "H100", pct: "-10" }],
    };
    const [scenario] = await handle.db.insert(scenarios).values({ name: "Integration overrides", overrides }).returning();
    const before = await queryRows<{ md5: string }>(
      handle.db,
      sql`select md5(string_agg(concat_ws('|', id, start_at, rate, quantity), ',' order by id)) from reservations`,
    );

    const model = await loadPlanningModel(viewer, { asOf: AS_OF, scenarioId: scenario!.id });
    const expected = applyScenario(
      { ...base, demandPlans: base.demandPlans.filter((p) => p.scenarioId === null) },
      scenarioOverridesSchema.parse(overrides),
      { id: scenario!.id, name: "Integration overrides" },
    );
    expect(model).toEqual(expected);
    expect(model.blocks.find((x) => x.added)).toMatchObject({
      name: "Scenario GB200",
      family: "GB200",
      quantity: 2048,
      siteName: site.name,
    });
    expect(model.blocks.some((x) => x.id === a!.id)).toBe(false);
    expect(model.sites.find((s) => s.id === site.id)!.pue).toBe("1.5");
    const after = await queryRows<{ md5: string }>(
      handle.db,
      sql`select md5(string_agg(concat_ws('|', id, start_at, rate, quantity), ',' order by id)) from reservations`,
    );
    expect(after).toEqual(before);
  });

  it("narrows to a family, provider and site after the scenario is applied", async () => {
    const model = await loadPlanningModel(viewer, { asOf: AS_OF, filters: { family: "GB200" } });
    expect(model.blocks.length).toBeGreaterThan(0);
    expect(model.blocks.every((b) => b.family === "GB200")).toBe(true);
    expect(model.demandPlans.every((p) => p.family === "GB200")).toBe(true);
    const site = model.blocks[0]!.siteId;
    const bySite = await loadPlanningModel(viewer, { asOf: AS_OF, filters: { site } });
    expect(bySite.sites.map((s) => s.id)).toEqual([site]);
    expect(bySite.blocks.every((b) => b.siteId === site)).toBe(true);
  });

  it("refuses an unknown scenario and reports overrides it cannot read instead of failing the page", async () => {
    await expect(loadPlanningModel(viewer, { asOf: AS_OF, scenarioId: "00000000-0000-4000-8000-000000000000" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const [bad] = await handle.db
      .insert(scenarios)
      .values({ name: "Unreadable", overrides: { growth: "lots" } })
      .returning();
    const model = await loadPlanningModel(viewer, { asOf: AS_OF, scenarioId: bad!.id });
    expect(model.warnings[0]).toMatch(/could not be read/);
    expect(model.demandGrowthPct).toBe("0");
  });

  it("compares a scenario with one extra block against the baseline: spend grows by exactly capacity_AH × rate, headroom only shrinks", async () => {
    const base = await loadBaseline(viewer, AS_OF);
    const gb200 = base.catalog.acceleratorTypes.find((t) => t.family === "GB200")!;
    const site = base.sites.find((s) => s.budgets.length > 0)!;
    const extra = {
      name: "Compare GB200",
      providerId: site.providerId,
      siteId: site.id,
      acceleratorTypeId: gb200.id,
      quantity: 1000,
      startAt: "2027-02-01",
      endAt: "2028-02-01",
      pricingModel: "reserved",
      rate: "4.5",
    };
    const [scenario] = await handle.db
      .insert(scenarios)
      .values({ name: "Compare extra block", overrides: { addReservations: [extra] } })
      .returning();
    const filters = parsePlanningFilters({ range: "24m" }, { now: AS_OF });
    const same = await getScenarioComparison(viewer, { a: null, b: null, filters, asOf: AS_OF });
    expect(same.rows.spendTotal.delta.isZero()).toBe(true);
    expect(same.rows.runway.every((r) => r.shift === null || r.shift === 0)).toBe(true);
    expect(same.rows.headroom.every((h) => h.delta === null || h.delta.isZero())).toBe(true);

    const cmp = await getScenarioComparison(viewer, { a: null, b: scenario!.id, filters, asOf: AS_OF });
    expect(cmp.b.label).toBe("Compare extra block");
    // Billing covers only past months, so every month of the block is planned: Σ 1,000 × hours × $4.50.
    const block = { quantity: 1000, startAt: new Date("2027-02-01T00:00:00Z"), endAt: new Date("2028-02-01T00:00:00Z") };
    const expected = cmp.rows.spend.reduce((sum, m) => sum.plus(capacityAh(block, m.month).times("4.5")), dec(0));
    expect(expected.toString()).toBe(String(1000 * 8760 * 4.5)); // Feb 2027 – Feb 2028: 365 days
    expect(cmp.rows.spendTotal.delta.toString()).toBe(expected.toString());
    const row = cmp.rows.headroom.find((h) => h.siteId === site.id)!;
    expect(row.b!.tightest!.headroomMw.lessThanOrEqualTo(row.a!.tightest!.headroomMw)).toBe(true);
    expect(cmp.rows.headroom.filter((h) => h.siteId !== site.id).every((h) => h.delta === null || h.delta.isZero())).toBe(true);
  });
});
