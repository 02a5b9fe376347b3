import loadHighs from "highs";
import { describe, expect, it } from "vitest";

import { buildModel } from "./model";
import { solveProcurementPlan } from "./solve";
import { testOffer, testWorld } from "./test-world";

describe("buildModel", { timeout: 30_000 }, () => {
  it("writes the procurement MIP in LP format: block costs over the term, coverage with unmet, power, offer limits", () => {
    // Jan–Feb 2027 (744 + 672 h). Need 100 then 200 H100e. Offer 0: reserved, 2-month term, $2/h, steps of 100,
    // 1,000 W each, at Abilene (budget 0.5 MW, 0.4 MW used → 0.1 MW headroom), at most 300.
    // A block starting in Jan costs 100 × (744 + 672) × 2 = 283,200 per step; in Feb 100 × (672 + 744) × 2 = 283,200
    // (its term runs into Mar 2027, 744 h, past the horizon). Penalty: 1.25 × 2 × 1,416 ÷ 1 = 3,540 per H100e-month.
    const world = testWorld({
      months: ["2027-01", "2027-02"],
      demand: { H100: [100, 200] },
      sites: [{ id: "abilene", name: "Abilene", budgetMw: [0.5, 0.5], existingMw: [0.4, 0.4] }],
      offers: [testOffer({ id: "A", ratePerHour: "2", siteId: "abilene", termMonths: 2, maxQuantity: 300 })],
    });
    const model = buildModel(world);
    expect(model.penalty).toBe(3540);
    expect(model.lp().split("\n")).toEqual([
      "Minimize",
      " obj: 283200 n0_0 + 283200 n0_1 + 3540 u0_0 + 3540 u0_1",
      "Subject To",
      " cv0_0: 1 u0_0 + 100 n0_0 >= 100",
      " cv0_1: 1 u0_1 + 100 n0_0 + 100 n0_1 >= 200",
      " pw0_0: 0.1 n0_0 <= 0.09999999999999998",
      " pw0_1: 0.1 n0_0 + 0.1 n0_1 <= 0.09999999999999998",
      " ox0: 100 n0_0 + 100 n0_1 <= 300",
      "Bounds",
      " 0 <= n0_0 <= 2",
      " 0 <= n0_1 <= 2",
      " 0 <= u0_0 <= 100",
      " 0 <= u0_1 <= 200",
      "Generals",
      " n0_0",
      " n0_1",
      "End",
      "",
    ]);
  });

  it("reads back into HiGHS as LP text and solves to the plan's objective", async () => {
    // The arrays HiGHS is given and the LP text are one model: the same optimum (n0_0 = 1, n0_1 = 0: 100 in Jan,
    // 0.1 MW of headroom allows no more at Abilene, 100 of Feb unmet): 283,200 + 3,540 × 100 = 637,200.
    const world = testWorld({
      months: ["2027-01", "2027-02"],
      demand: { H100: [100, 200] },
      sites: [{ id: "abilene", name: "Abilene", budgetMw: [0.5, 0.5], existingMw: [0.4, 0.4] }],
      offers: [testOffer({ id: "A", ratePerHour: "2", siteId: "abilene", termMonths: 2, maxQuantity: 300 })],
    });
    const highs = await loadHighs();
    const fromText = highs.solve(buildModel(world).lp(), { output_flag: false });
    const plan = await solveProcurementPlan(world);
    expect(fromText.Status).toBe("Optimal");
    expect(fromText.ObjectiveValue).toBeCloseTo(637_200, 6);
    expect(plan.objective).toBeCloseTo(637_200, 6);
    expect(plan.families.map((f) => f.unmet)).toEqual([0, 100]);
  });
});
