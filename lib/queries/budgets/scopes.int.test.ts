import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { acceleratorTypes, allocations, budgets, teams, utilizationDaily, utilizationMonthly, workloads } from "@/lib/db/schema";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { addUtcDays, isoDay } from "@/lib/metrics/calendar";
import { sumDec } from "@/lib/metrics/decimal";
import { getShowbackView } from "@/lib/queries/allocation/showback-view";
import { getContractBurndown } from "@/lib/queries/contracts/burndown";
import { createBudget } from "@/lib/services/budgets/create";
import { updateBudget } from "@/lib/services/budgets/update";
import { insertCharges, insertImport } from "@/lib/testing/charges";
import { insertCatalog, insertContractRow, insertReservationRow, roleCtx, uniq, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { getBudgetDetail, getBudgetsView } from "./index";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const AS_OF = new Date("2026-03-10T12:00:00Z");

// Team, workload and contract budgets, in money and in use, on a world of their own: on provider Other, a type of
// H100-equivalent factor 2; block X (4 accelerators, Feb–Apr, $3/h, linked to contract K) and block Y (2, Jan–May,
// $3/h). Research has two sub-teams, A (workload W1: 2 of X's accelerators from Feb) and B (W2: 1 of Y's from Jan).
// Used: X 36 AH a day (of 96), Y 12 AH a day (of 48), on each of the 14 days Feb 24 – Mar 9; today is Mar 10.
describeOnEachEngine("budgets per team, workload and contract", (engine) => {
  let handle: DbHandle;
  let cat: Catalog;
  let ids: { research: string; a: string; b: string; w1: string; w2: string; contract: string };
  const finance = () => roleCtx(handle.db, "finance");
  const viewer = () => roleCtx(handle.db, "viewer");
  const budget = (input: Record<string, unknown>) =>
    createBudget({
      ctx: finance(),
      input: {
        name: uniq("Budget"),
        periodKind: "month",
        amount: "1000",
        actualThresholdPct: "80",
        forecastThresholdPct: "100",
        activeFrom: "2026-01-01",
        ...input,
      },
    });
  const rowOf = async (id: string, at = "2026-03") =>
    (await getBudgetsView(viewer(), { at: d(`${at}-01`), archived: false }, { asOf: AS_OF, fxRates: {} })).rows.find((r) => r.id === id)!;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const db = handle.db;
    cat = await insertCatalog(db);
    const [type] = await db
      .insert(acceleratorTypes)
      .values({
        name: uniq("Twice"),
        vendor: "NVIDIA",
        family: uniq("F2"),
        memoryGb: "80",
        bf16Tflops: "1979",
        systemW: 1400,
        h100Equivalent: "2",
      })
      .returning();
    const contract = await insertContractRow(db, cat, { providerId: cat.other.id, committedAmount: "100000" });
    const common = {
      providerId: cat.other.id,
      acceleratorTypeId: type!.id,
      pricingModel: "reserved" as const,
      rate: "3",
      status: "active" as const,
    };
    const x = await insertReservationRow(db, cat, {
      ...common,
      quantity: 4,
      startAt: d("2026-02-01"),
      endAt: d("2026-05-01"),
      contractId: contract.id,
    });
    const y = await insertReservationRow(db, cat, { ...common, quantity: 2, startAt: d("2026-01-01"), endAt: d("2026-06-01") });
    const [research] = await db
      .insert(teams)
      .values({ name: uniq("Research") })
      .returning();
    const [a, b] = await db
      .insert(teams)
      .values([
        { name: uniq("A"), parentId: research!.id },
        { name: uniq("B"), parentId: research!.id },
      ])
      .returning();
    const [w1, w2] = await db
      .insert(workloads)
      .values([
        { name: uniq("W1"), kind: "training", teamId: a!.id, activeFrom: "2026-01-01" },
        { name: uniq("W2"), kind: "inference", teamId: b!.id, activeFrom: "2026-01-01" },
      ])
      .returning();
    await db.insert(allocations).values([
      { reservationId: x.id, workloadId: w1!.id, quantity: 2, startAt: d("2026-02-01") },
      { reservationId: y.id, workloadId: w2!.id, quantity: 1, startAt: d("2026-01-01") },
    ]);
    const days = Array.from({ length: 14 }, (_, i) => isoDay(addUtcDays(d("2026-02-24"), i)));
    await db.insert(utilizationDaily).values(
      days.flatMap((day) => [
        { reservationId: x.id, day, usedAh: "36", hoursReported: 24 },
        { reservationId: y.id, day, usedAh: "12", hoursReported: 24 },
      ]),
    );
    // The monthly rollup of those days: Feb 24–28 (5 days) and Mar 1–9 (9 days).
    await db.insert(utilizationMonthly).values([
      { reservationId: x.id, month: "2026-02-01", usedAh: "180", hoursReported: 120 },
      { reservationId: x.id, month: "2026-03-01", usedAh: "324", hoursReported: 216 },
      { reservationId: y.id, month: "2026-02-01", usedAh: "60", hoursReported: 120 },
      { reservationId: y.id, month: "2026-03-01", usedAh: "108", hoursReported: 216 },
    ]);
    // January: $500 billed to contract K, tied to no block.
    const importId = await insertImport(db);
    await insertCharges(db, importId, [
      {
        providerId: cat.other.id,
        contractId: contract.id,
        chargePeriodStart: d("2026-01-01"),
        chargePeriodEnd: d("2026-02-01"),
        billedCost: "500",
        effectiveCost: "500",
        listCost: "500",
      },
    ]);
    ids = { research: research!.id, a: a!.id, b: b!.id, w1: w1!.id, w2: w2!.id, contract: contract.id };
  });
  afterAll(() => handle?.close());

  it("counts a team's H100e·h as its workloads' allocated use, and forecasts the rest at their recent utilization", async () => {
    const b = await budget({ scopeKind: "team", teamId: ids.research, unit: "h100e_h", amount: "3000" });
    const row = await rowOf(b.id);
    // March to today: W1 holds 2 × 216 h = 432 AH of X, which used 324 (≤ 432): all 324 are W1's; W2 holds 216 AH of
    // Y, which used 108 ≤ 216: 108. (324 + 108) × 2 = 864 H100e·h.
    // Recent 14 days: held (2 + 1) × 24 × 14 = 1,008 AH, used (36 + 12) × 14 = 672 → 2/3. Rest of March (22 days):
    // (2 + 1) × 24 × 22 = 1,584 AH × 2 = 3,168 H100e·h × 2/3 = 2,112 → forecast 2,976 (99.2 % of 3,000).
    expect(row.unit).toBe("h100e_h");
    expect(row.amountUsd).toBeNull();
    expect([row.status!.actual.toFixed(), row.status!.forecast.toFixed(2), row.status!.forecastPct.toFixed(1)]).toEqual([
      "864",
      "2976.00",
      "99.2",
    ]);
    expect(row.status!.thresholds.map((t) => t.crossed)).toEqual([false, false]);
    expect(row.teamName).toMatch(/^Research/);
  });

  it("counts a contract's AH on its linked reservations only", async () => {
    const b = await budget({ scopeKind: "contract", contractId: ids.contract, unit: "ah", amount: "2000" });
    const row = await rowOf(b.id);
    // X only: used 324 AH in March; rest 4 × 24 × 22 = 2,112 AH × 36 ÷ 96 = 792 → 1,116
    expect([row.status!.actual.toFixed(), row.status!.forecast.toFixed()]).toEqual(["324", "1116"]);
  });

  it("sets a team's money against the Allocation page's showback, billed months as actual", async () => {
    const b = await budget({ scopeKind: "team", teamId: ids.research, periodKind: "quarter", amount: "50000" });
    const row = await rowOf(b.id, "2026-02");
    const view = await getShowbackView(viewer(), { from: d("2026-01-01"), to: d("2026-04-01") }, AS_OF);
    const team = view.months.map((m) => ({ source: m.source, total: m.teams.get(ids.research)!.rolled.total }));
    // January is billed (Other's January carries the contract's charge), February and March are planned.
    expect(team.map((m) => m.source)).toEqual(["actual", "planned", "planned"]);
    expect(row.status!.actual.toFixed(2)).toBe(team[0]!.total.toFixed(2));
    expect(row.status!.forecast.toFixed(2)).toBe(sumDec(team.map((m) => m.total)).toFixed(2));
    expect(row.status!.forecast.gt(0)).toBe(true);
    const workload = await budget({ scopeKind: "workload", workloadId: ids.w1, periodKind: "quarter", amount: "50000" });
    const w1 = await rowOf(workload.id, "2026-02");
    // W1 holds nothing in January: February and March only, both planned.
    expect(w1.status!.actual.toFixed(2)).toBe("0.00");
    expect(w1.status!.forecast.toFixed(2)).toBe(sumDec(view.months.map((m) => m.workloads.get(ids.w1)?.total ?? "0")).toFixed(2));
  });

  it("sets a contract's money against its burn-down: consumed as actual, the projection as the rest", async () => {
    const b = await budget({ scopeKind: "contract", contractId: ids.contract, periodKind: "quarter", amount: "20000" });
    const row = await rowOf(b.id);
    const burndown = await getContractBurndown(viewer(), ids.contract, AS_OF);
    // Consumed: January billed 500; February planned X 4 × 672 h × 3 = 8,064; March to the 10th noon 4 × 228 h × 3 =
    // 2,736 → 11,300 = the burn-down's consumed. Rest of Q1: 4 × 516 h × 3 = 6,192 scheduled + other 500 ÷ 31 a day ×
    // 21.5 days = 346.77… → 17,838.77.
    expect(row.status!.actual.toFixed(2)).toBe("11300.00");
    expect(row.status!.actual.toFixed(2)).toBe(burndown.consumed.toFixed(2));
    expect(row.status!.forecast.toFixed(2)).toBe("17838.77");
  });

  it("warns when a parent team's budget is below its sub-teams' sum, on the list and on the detail", async () => {
    const unit = { unit: "ah", periodKind: "year" };
    const parent = await budget({ ...unit, scopeKind: "team", teamId: ids.research, amount: "1000" });
    const childA = await budget({ ...unit, scopeKind: "team", teamId: ids.a, amount: "600" });
    await budget({ ...unit, scopeKind: "team", teamId: ids.b, amount: "500" });
    const view = await getBudgetsView(viewer(), { at: d("2026-03-01"), archived: false }, { asOf: AS_OF, fxRates: {} });
    const w = view.warnings.find((x) => x.parentBudgetId === parent.id)!;
    expect([w.amount.toFixed(), w.childrenSum.toFixed(), w.children.length]).toEqual(["1000", "1100", 2]);
    const detail = await getBudgetDetail(viewer(), childA.id, { asOf: AS_OF, fxRates: {} });
    expect(detail!.warnings.map((x) => x.parentBudgetId)).toEqual([parent.id]);
    // A fix is a save like any other: raising the parent clears the warning.
    await updateBudget({ ctx: finance(), input: { id: parent.id, version: 1, changes: { amount: "1100" } } });
    const after = await getBudgetsView(viewer(), { at: d("2026-03-01"), archived: false }, { asOf: AS_OF, fxRates: {} });
    expect(after.warnings.some((x) => x.parentBudgetId === parent.id)).toBe(false);
  });

  it("refuses a viewer, two scopes and an unknown team with a clear message, and changes nothing", async () => {
    const count = async () => (await handle.db.select({ id: budgets.id }).from(budgets)).length;
    const before = await count();
    await expect(
      createBudget({
        ctx: viewer(),
        input: { name: uniq("V"), scopeKind: "lab", periodKind: "month", amount: "1", activeFrom: "2026-01-01" },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const refusal = (input: Record<string, unknown>) =>
      budget(input).then(
        () => null,
        (e: unknown) => (e instanceof ValidationError ? e.fieldErrors : e),
      );
    expect(await refusal({ scopeKind: "team", teamId: ids.a, workloadId: ids.w1 })).toEqual({
      workloadId: ["A team budget names no workload: a budget has one scope. Leave the workload empty or change the scope."],
    });
    expect(await refusal({ scopeKind: "team", teamId: "00000000-0000-4000-8000-000000000000" })).toEqual({
      teamId: ["This team does not exist."],
    });
    expect(await refusal({ scopeKind: "workload" })).toEqual({ workloadId: ["Choose a workload for a workload budget."] });
    expect(await refusal({ scopeKind: "lab", unit: "kwh" })).toMatchObject({
      unit: ["Unit must be money, accelerator-hours (ah) or H100-equivalent hours (h100e_h)."],
    });
    expect(await count()).toBe(before);
  });

  it("moves a budget to another scope and unit on edit, clearing the old target and the currency", async () => {
    const b = await budget({ scopeKind: "contract", contractId: ids.contract, currency: "EUR" });
    const edited = await updateBudget({
      ctx: finance(),
      input: { id: b.id, version: 1, changes: { scopeKind: "workload", workloadId: ids.w2, unit: "ah" } },
    });
    expect(edited).toMatchObject({ scopeKind: "workload", workloadId: ids.w2, contractId: null, unit: "ah", currency: "USD" });
  });
});
