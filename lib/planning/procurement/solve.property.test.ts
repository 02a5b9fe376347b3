import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { dec, sumDec } from "@/lib/metrics/decimal";

import { solveProcurementPlan } from "./solve";
import type { PlanOffer, PlanWorld, ProcurementPlan } from "./types";

const MONTHS = ["2027-01", "2027-02", "2027-03", "2027-04"];
const FAMILIES = ["H100", "GB200"];
const PROVIDERS = ["aws", "coreweave", "oracle"];
const SITES = ["abilene", "quincy"];

function daysIn(key: string): number {
  const [y = 0, m = 0] = key.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const offerArb = (i: number) =>
  fc
    .record({
      family: fc.constantFrom(...FAMILIES),
      providerId: fc.constantFrom(...PROVIDERS),
      vendor: fc.constantFrom("nvidia", "amd"),
      siteId: fc.constantFrom<string | null>(null, ...SITES),
      pricingModel: fc.constantFrom("reserved", "on_demand", "spot", "owned" as const),
      termMonths: fc.integer({ min: 1, max: 6 }),
      cents: fc.integer({ min: 50, max: 900 }),
      h100ePerUnit: fc.constantFrom(0.5, 1, 2.5),
      facilityWattsPerUnit: fc.constantFrom(700, 1400, 2000),
      minQuantity: fc.constantFrom(0, 0, 64, 256),
      maxQuantity: fc.constantFrom<number | null>(null, 512, 2048),
      step: fc.constantFrom(8, 64, 128),
      earliestStartMonth: fc.integer({ min: 0, max: 4 }),
    })
    .map((o): PlanOffer => ({
      ...o,
      id: `o${i}`,
      label: `Offer ${i}`,
      providerName: o.providerId,
      ratePerHour: (o.cents / 100).toFixed(2),
      leadTimeDays: o.earliestStartMonth * 30,
    }));

const series = (max: number) => fc.array(fc.integer({ min: 0, max }), { minLength: MONTHS.length, maxLength: MONTHS.length });

const worldArb = fc
  .record({
    offers: fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => offerArb(i)))),
    demand: fc.tuple(series(3000), series(3000)),
    existing: fc.tuple(series(1000), series(1000)),
    budgets: fc.tuple(fc.option(series(3), { nil: undefined }), fc.option(series(3), { nil: undefined })),
    existingMw: fc.tuple(series(1), series(1)),
    caps: fc.record({
      provider: fc.option(fc.constantFrom(0.35, 0.5, 0.7), { nil: undefined }),
      vendor: fc.option(fc.constantFrom(0.6, 0.8), { nil: undefined }),
      site: fc.option(fc.constantFrom(0.5), { nil: undefined }),
    }),
    budgetUsd: fc.option(fc.integer({ min: 100_000, max: 20_000_000 }).map(String), { nil: undefined }),
  })
  .map(({ offers, demand, existing, budgets, existingMw, caps, budgetUsd }): PlanWorld => {
    // Existing H100 belongs to aws / nvidia / abilene, existing GB200 to oracle / nvidia / quincy.
    const [h100 = [], gb200 = []] = existing;
    const caps2 = Object.fromEntries(Object.entries(caps).filter(([, v]) => v !== undefined));
    return {
      months: MONTHS,
      families: FAMILIES,
      demand: { H100: demand[0], GB200: demand[1] },
      existingCapacity: { H100: h100, GB200: gb200 },
      sites: SITES.map((id, i) => ({ id, name: id, budgetMw: budgets[i], existingMw: existingMw[i] ?? [] })),
      existingByProvider: { aws: h100, oracle: gb200 },
      existingByVendor: { nvidia: h100.map((x, m) => x + (gb200[m] ?? 0)) },
      existingBySite: { abilene: h100, quincy: gb200 },
      offers,
      caps: caps2,
      budgetUsd,
    };
  });

function checkPlan(world: PlanWorld, plan: ProcurementPlan): void {
  const M = world.months.length;
  const first = world.months[0] ?? "";
  const offers = new Map(world.offers.map((o) => [o.id, o]));
  const held = (b: ProcurementPlan["blocks"][number], m: number) => {
    const s = world.months.indexOf(b.startMonth);
    const o = offers.get(b.offerId) as PlanOffer;
    const end = o.pricingModel === "reserved" || o.pricingModel === "owned" ? s + o.termMonths : M;
    return s <= m && m < end;
  };
  // Quantities, steps and lead times; exact cost of each block from the calendar.
  const perOffer = new Map<string, number>();
  for (const b of plan.blocks) {
    const o = offers.get(b.offerId) as PlanOffer;
    const s = world.months.indexOf(b.startMonth);
    expect(s).toBeGreaterThanOrEqual(o.earliestStartMonth);
    expect(b.quantity % o.step).toBe(0);
    expect(b.quantity).toBeGreaterThan(0);
    perOffer.set(o.id, (perOffer.get(o.id) ?? 0) + b.quantity);
    const term = o.pricingModel === "reserved" || o.pricingModel === "owned";
    let hours = 0;
    for (let i = s; i < (term ? s + o.termMonths : M); i++) {
      const d = new Date(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)) - 1 + i, 1));
      hours += daysIn(d.toISOString().slice(0, 7)) * 24;
    }
    expect(b.committedCost).toBe(dec(b.quantity).times(hours).times(o.ratePerHour).toFixed());
  }
  for (const [id, q] of perOffer) {
    const o = offers.get(id) as PlanOffer;
    expect(q).toBeGreaterThanOrEqual(o.minQuantity);
    if (o.maxQuantity !== null) expect(q).toBeLessThanOrEqual(o.maxQuantity);
  }
  // The plan's cost is the sum of its blocks; the budget holds.
  expect(plan.committedCost).toBe(sumDec(plan.blocks.map((b) => b.committedCost)).toFixed());
  if (world.budgetUsd) expect(dec(plan.committedCost).lte(world.budgetUsd)).toBe(true);
  // Power: no site over its budget because of the plan.
  for (const site of world.sites) {
    for (let m = 0; m < M; m++) {
      const added = plan.blocks
        .filter((b) => b.siteId === site.id && held(b, m))
        .reduce((a, b) => a + (b.quantity * (offers.get(b.offerId)?.facilityWattsPerUnit ?? 0)) / 1e6, 0);
      const budget = site.budgetMw?.[m];
      if (budget !== undefined && budget !== null && added > 0)
        expect((site.existingMw[m] ?? 0) + added).toBeLessThanOrEqual(budget + 1e-6);
    }
  }
  // Caps, each month: existing + added ≤ cap × (existing total + added total) + what the holder already held above it.
  const dims = [
    ["provider", (o: PlanOffer) => o.providerId, world.existingByProvider],
    ["vendor", (o: PlanOffer) => o.vendor, world.existingByVendor],
    ["site", (o: PlanOffer) => o.siteId, world.existingBySite],
  ] as const;
  for (let m = 0; m < M; m++) {
    const existingTotal = world.families.reduce((a, f) => a + (world.existingCapacity[f]?.[m] ?? 0), 0);
    const addedBy = (keep: (o: PlanOffer) => boolean) =>
      plan.blocks.filter((b) => held(b, m) && keep(offers.get(b.offerId) as PlanOffer)).reduce((a, b) => a + b.h100e, 0);
    const addedTotal = addedBy(() => true);
    for (const [dim, holder, existing] of dims) {
      const cap = world.caps[dim];
      if (cap === undefined) continue;
      for (const h of new Set(world.offers.map(holder))) {
        if (h === null) continue;
        const e = existing[h]?.[m] ?? 0;
        const allowance = Math.max(0, e - cap * existingTotal);
        expect(e + addedBy((o) => holder(o) === h)).toBeLessThanOrEqual(cap * (existingTotal + addedTotal) + allowance + 1e-6);
      }
    }
  }
  // The objective is the blocks' cost plus the penalty on what is left unmet.
  const unmet = plan.families.reduce((a, f) => a + f.unmet, 0);
  const expected = Number(plan.committedCost) + plan.penaltyPerH100eMonth * unmet;
  expect(Math.abs(plan.objective - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1, expected));
}

describe("solveProcurementPlan on random small worlds", () => {
  it("returns plans that keep every constraint and cost the sum of their blocks", async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        const plan = await solveProcurementPlan(world);
        expect(plan.status).toBe("optimal");
        checkPlan(world, plan);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it("keeps every constraint in the two-pass solve too, and its gap is honest against the exact optimum", async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        const exact = await solveProcurementPlan(world);
        const twoPass = await solveProcurementPlan(world, { twoPass: true });
        expect(["optimal", "time_limit_feasible"]).toContain(twoPass.status);
        checkPlan(world, twoPass);
        // The reported gap is against a proved lower bound: the exact optimum is no lower than it.
        const bound = twoPass.objective * (1 - twoPass.mipGap);
        expect(exact.objective).toBeGreaterThanOrEqual(bound - 1e-6 * Math.max(1, exact.objective));
        // Both are "optimal" within HiGHS' relative gap: the exact solve's proved bound is no higher than the two-pass plan.
        expect(exact.objective * (1 - exact.mipGap)).toBeLessThanOrEqual(twoPass.objective + 1e-6 * Math.max(1, exact.objective));
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it("rounds the relaxation to a plan that keeps every constraint, no cheaper than the optimum", async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        const exact = await solveProcurementPlan(world);
        const rounded = await solveProcurementPlan(world, { twoPass: true, heuristicOnly: true });
        expect(["optimal", "time_limit_feasible"]).toContain(rounded.status);
        checkPlan(world, rounded);
        // "Optimal" is within HiGHS' relative MIP gap (mipGap), so the true optimum is only known to be at least
        // exact.objective × (1 − exact.mipGap): a rounded plan may land between the two (seed 84402564: 8.2e-5 under).
        const optimum = exact.objective * (1 - exact.mipGap);
        expect(rounded.objective).toBeGreaterThanOrEqual(optimum - 1e-6 * Math.max(1, exact.objective));
        const bound = rounded.objective * (1 - rounded.mipGap);
        expect(exact.objective).toBeGreaterThanOrEqual(bound - 1e-6 * Math.max(1, exact.objective));
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
