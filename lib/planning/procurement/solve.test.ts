import { describe, expect, it } from "vitest";

import { solveProcurementPlan } from "./solve";
import { testOffer, testWorld } from "./test-world";

describe("solveProcurementPlan", () => {
  it("buys the cheaper offer up to its site's power headroom and the rest elsewhere, naming the power row", async () => {
    // Jan 2027 = 31 days = 744 h. Need 1,000 H100e. Offer A at Abilene, $2/h, 1,000 W facility per unit;
    // Abilene: budget 0.5 MW, 0.2 MW already used → 0.3 MW headroom → 0.3e6 W ÷ 1,000 W = 300 units of A.
    // Offer B in a cloud region, $3/h: the other 700.
    // Cost: A 300 × 744 × 2 = 446,400; B 700 × 744 × 3 = 1,562,400; total 2,008,800.
    // Shadow price: 1 MW more = 1,000 more units of A replacing B, (3 − 2) × 744 × 1,000 = $744,000 per MW-month.
    const world = testWorld({
      months: ["2027-01"],
      demand: { H100: [1000] },
      sites: [{ id: "abilene", name: "Abilene", budgetMw: [0.5], existingMw: [0.2] }],
      offers: [testOffer({ id: "A", ratePerHour: "2.00", siteId: "abilene" }), testOffer({ id: "B", ratePerHour: "3.00" })],
    });
    const plan = await solveProcurementPlan(world);
    expect(plan.status).toBe("optimal");
    expect(plan.blocks.map((b) => [b.offerId, b.quantity, b.committedCost])).toEqual([
      ["A", 300, "446400"],
      ["B", 700, "1562400"],
    ]);
    expect(plan.committedCost).toBe("2008800");
    expect(plan.families[0]?.unmet).toBe(0);
    expect(plan.sites[0]?.mwAfter).toBeCloseTo(0.5, 9);
    const power = plan.bindings.find((b) => b.kind === "power");
    expect(power).toMatchObject({ siteName: "Abilene", fromMonth: "2027-01", toMonth: "2027-01" });
    expect(power?.kind === "power" && power.usdPerMwMonth).toBeCloseTo(744_000, 3);
    expect(power?.sentence).toBe("1 MW more at Abilene from Jan 2027 would save $744K");
  });

  it("leaves exactly the month before an offer's lead time unmet and blames the lead time", async () => {
    // Jan–Mar 2027, 1,000 H100e needed each month. The only offer (CoreWeave, 45-day lead time) can start in Feb:
    // a 2-month block Feb–Mar of 1,000 units, 1,000 × (672 + 744) h × $2 = 2,832,000. Jan: 1,000 H100e unmet.
    const world = testWorld({
      months: ["2027-01", "2027-02", "2027-03"],
      demand: { H100: [1000, 1000, 1000] },
      offers: [testOffer({ id: "C", ratePerHour: "2", providerName: "CoreWeave", termMonths: 2, earliestStartMonth: 1, leadTimeDays: 45 })],
    });
    const plan = await solveProcurementPlan(world);
    expect(plan.blocks.map((b) => [b.startMonth, b.endMonth, b.quantity, b.committedCost])).toEqual([["2027-02", "2027-03", 1000, "2832000"]]);
    expect(plan.families.map((f) => f.unmet)).toEqual([1000, 0, 0]);
    const unmet = plan.bindings.filter((b) => b.kind === "unmet");
    expect(unmet).toHaveLength(1);
    expect(unmet[0]).toMatchObject({ cause: "lead_time", offerId: "C", maxUnmet: 1000 });
    expect(unmet[0]?.sentence).toBe("CoreWeave's 45-day lead time leaves 1,000 H100e of H100 unmet in Jan 2027");
  });
});
