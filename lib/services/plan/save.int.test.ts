import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { bumpDataVersion } from "@/lib/db/data-version";
import { ForbiddenError } from "@/lib/errors";
import type { Ctx } from "@/lib/auth/context";
import { dec } from "@/lib/metrics/decimal";
import type { Period } from "@/lib/metrics/period";
import { loadCapacityRunway } from "@/lib/queries/capacity";
import { getPowerPage } from "@/lib/queries/power";
import { createDemandPlan } from "@/lib/services/demand-plans/create";
import { createScenario } from "@/lib/services/scenarios/create";
import { roleCtx } from "@/lib/testing/commercial-fixtures";
import { createDemoTestDatabase } from "@/lib/testing/demo-database";
import { describeOnEachEngine } from "@/lib/testing/databases";
import type { ScenarioOverrides } from "@/lib/planning/overrides";
import { monthStart } from "@/lib/planning/procurement/hours";
import { procurementRequestCsv } from "@/lib/queries/plan/request-csv";
import { runPlan } from "@/lib/queries/plan/run";
import { planCostMovedRule } from "@/lib/alerts/rules/plan-cost-moved";
import { savePlanAsScenario, type SavedPlan } from "./save";

const AS_OF = new Date("2026-11-17T09:30:00Z");
const month = (p: Period | null) => p?.from.toISOString().slice(0, 7) ?? null;
const count = async (db: DbHandle["db"], table: "scenarios" | "demand_plans") =>
  (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;

describeOnEachEngine("a procurement plan saved as a scenario, on the demo seed", (engine) => {
  let handle: DbHandle;
  let infra: Ctx;
  let viewer: Ctx;
  let growth: string;
  beforeAll(async () => {
    handle = await createDemoTestDatabase(engine);
    infra = roleCtx(handle.db, "infra");
    viewer = roleCtx(handle.db, "viewer");
    const scenario = await createScenario({ ctx: infra, input: { name: "Plan growth", overrides: { demandGrowthPct: "10" } } });
    growth = scenario.id;
    await createDemandPlan({
      ctx: infra,
      input: {
        name: "Upside pretraining",
        kind: "training",
        scenarioId: growth,
        acceleratorFamily: "GB200",
        accelerators: 2000,
        startDate: "2027-06-01",
        endDate: "2028-06-01",
        priority: 2,
      },
    });
  }, 240_000);
  afterAll(() => handle?.close());

  // First, while it is the only saved plan: the rule re-solves every saved plan, and each demo solve takes seconds.
  it("keeps the saved plan's inputs and cost, and its alert fires once the same inputs cost more than X % more", async () => {
    const inputs = { demand: "median" };
    const saved = await savePlanAsScenario({ ctx: infra, input: { name: `Plan drift ${engine}`, inputs }, asOf: AS_OF });
    const [row] = await queryRows<{ plan: SavedPlan }>(handle.db, sql`select plan from scenarios where id = ${saved.id}`);
    expect(row!.plan.committedCost).toBe(saved.run.plan.committedCost);
    expect(row!.plan.savedAt).toBe(AS_OF.toISOString());
    const rule = { id: "r", name: "Plan drift", severity: "warning" as const, scopeKind: null, scopeValue: null };
    const mine = async (pct: string) =>
      (await planCostMovedRule.evaluate(infra, { ...rule, params: { pct } }, AS_OF)).filter((f) => f.subjectKey === `scenario:${saved.id}`);
    // Nothing changed: solved again, the same inputs cost the same.
    expect(await mine("0.5")).toEqual([]);
    // Every offer 30 % dearer: the best plan for the same inputs costs more (at most 30 % more, as the old plan is still there).
    await handle.db.execute(sql`update offers set rate = rate * 1.3`);
    await bumpDataVersion(handle.db); // as the offers register's verbs do: cached reads see the new rates
    const [fired] = await mine("0.5");
    const cost = dec(String(fired?.detail.cost));
    // The rule's own solve (runPlan, the planner's): dearer than when saved, and said so in the figures and the sentence.
    const pct = cost.minus(saved.run.plan.committedCost).times(100).div(saved.run.plan.committedCost);
    expect(pct.gt(0)).toBe(true);
    expect(fired?.detail).toMatchObject({ savedCost: dec(saved.run.plan.committedCost).toFixed(), pct: pct.toFixed(4) });
    expect(fired?.summary).toContain(`+${pct.toFixed(1)} %`);
    await handle.db.execute(sql`update offers set rate = rate / 1.3`);
    await bumpDataVersion(handle.db);
  }, 300_000);

  for (const scenario of [false, true])
    it(`gives, on Capacity and Power, the runway and headroom the plan reported${scenario ? " (over a scenario with its own demand plan)" : ""}`, async () => {
      const inputs = { demand: "p80", capProvider: 0.5, scenario: scenario ? growth : null };
      const saved = await savePlanAsScenario({ ctx: infra, input: { name: `Plan ${engine} ${scenario}`, inputs }, asOf: AS_OF });
      const { run } = saved;
      expect(run.plan.blocks.length).toBeGreaterThan(0);
      const overrides = saved.overrides as ScenarioOverrides;
      expect(overrides.addReservations?.length).toBe(run.plan.blocks.length);
      if (scenario) {
        expect(overrides.demandGrowthPct).toBe("10");
        const copied = await queryRows<{ name: string }>(handle.db, sql`select name from demand_plans where scenario_id = ${saved.id}`);
        expect(copied).toEqual([{ name: "Upside pretraining" }]);
      }
      expect(saved.description).toMatch(/committed cost USD \d+/);

      const capacity = await loadCapacityRunway(infra, { scenario: saved.id, asOf: AS_OF });
      const onCapacity = Object.fromEntries(capacity.byFamily.map((f) => [f.family, month(f.line.runway)]));
      expect(onCapacity).toEqual(Object.fromEntries(run.after.runway.byFamily.map((f) => [f.key, month(f.after)])));
      expect(month(capacity.overall.runway)).toBe(month(run.after.runway.overall.after));
      // The plan moves some runway (the demo runs out within the forecast).
      expect(run.after.runway.byFamily.some((f) => month(f.before) !== month(f.after))).toBe(true);

      const months = run.after.power.months;
      const power = await getPowerPage(
        infra,
        {
          from: months[0]!.from,
          to: months.at(-1)!.to,
          range: null,
          provider: null,
          family: null,
          site: null,
          scenario: saved.id,
          team: null,
          workload: null,
          by: "family",
          unit: "h100e",
        },
        null,
        AS_OF,
      );
      const headroom = (list: { siteId: string; monthly: { headroomMw: { toFixed(): string } }[] }[]) =>
        Object.fromEntries(list.map((s) => [s.siteId, s.monthly.map((p) => p.headroomMw.toFixed())]));
      expect(headroom(power.sites)).toEqual(headroom(run.after.power.sites.map((s) => ({ siteId: s.siteId, monthly: s.after }))));
      expect(run.after.power.overBudgetAfter).toBe(power.sites.some((s) => s.overBudgetMonths > 0));
    });

  it("refuses a viewer, who may plan but not save, and changes nothing", async () => {
    const before = [await count(handle.db, "scenarios"), await count(handle.db, "demand_plans")];
    await expect(savePlanAsScenario({ ctx: viewer, input: { name: "Viewer plan", inputs: {} }, asOf: AS_OF })).rejects.toThrow(
      ForbiddenError,
    );
    expect([await count(handle.db, "scenarios"), await count(handle.db, "demand_plans")]).toEqual(before);
  });

  it("writes the procurement request: notice date and committed cost by hand for one block", async () => {
    const { run } = await savePlanAsScenario({
      ctx: infra,
      input: { name: `CSV ${engine}`, inputs: { families: ["GB200"] } },
      asOf: AS_OF,
    });
    const csv = procurementRequestCsv(run);
    expect(csv.header).toContain("notice_date");
    expect(csv.rows).toHaveLength(run.plan.blocks.length);
    const b = run.plan.blocks.find((x) => x.pricingModel === "reserved")!;
    const row = csv.rows[run.plan.blocks.indexOf(b)]!;
    const at = (name: string) => row[csv.header.indexOf(name)];
    // Committed cost: quantity × hours of its whole term × rate, the hours counted month by month.
    const start = monthStart(b.startMonth);
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + b.termMonths, 1));
    const hours = (end.getTime() - start.getTime()) / 3_600_000;
    expect(at("committed_cost_usd")).toEqual({ number: dec(b.quantity).times(hours).times(b.ratePerHour).toFixed(2) });
    // Notice: start − the lead time days, or today when that has passed.
    const due = new Date(start.getTime() - b.leadTimeDays * 86_400_000);
    expect(at("notice_date")).toBe((due < AS_OF ? AS_OF : due).toISOString().slice(0, 10));
    expect(at("start")).toBe(start.toISOString().slice(0, 10));
    expect(at("end")).toBe(new Date(end.getTime() - 86_400_000).toISOString().slice(0, 10));
    expect(at("site_or_region")).toBe(b.siteName);
  });

  it("leaves out an offer in a cloud region with no site of ours, however cheap, and says how to let it in", async () => {
    const [t] = await queryRows<{ id: string }>(handle.db, sql`select id from accelerator_types where family = 'GB200' limit 1`);
    const [p] = await queryRows<{ id: string }>(handle.db, sql`select id from providers where name = 'Nebius'`);
    await handle.db.execute(
      sql`insert into offers (provider_id, region, accelerator_type_id, pricing_model, term_months, rate, min_quantity, step, lead_time_days, valid_from, source)
          values (${p!.id}, 'eu-north1', ${t!.id}, 'reserved', 12, '0.01', 72, 72, 0, '2026-01-01', 'quote')`,
    );
    const run = await runPlan({ ctx: viewer, input: { families: ["GB200"] }, asOf: AS_OF });
    expect(run.plan.blocks.some((b) => b.providerName === "Nebius")).toBe(false);
    expect(run.warnings.join(" ")).toMatch(
      /cloud regions? with no site of ours (is|are) left out \(.*Nebius eu-north1.*\): a reservation is held at a site/,
    );
    expect(run.plan.blocks.every((b) => b.siteId !== null)).toBe(true);
  });
});
