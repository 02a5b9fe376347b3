import { describe, expect, it } from "vitest";

import { solveProcurementPlan } from "./solve";
import { testOffer, testWorld } from "./test-world";

// Each solve starts a HiGHS worker thread and loads its WebAssembly: more than the default 5 s on a busy machine.
describe("solveProcurementPlan", { timeout: 30_000 }, () => {
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
    expect(plan.blocks.map((b) => [b.startMonth, b.endMonth, b.quantity, b.committedCost])).toEqual([
      ["2027-02", "2027-03", 1000, "2832000"],
    ]);
    expect(plan.families.map((f) => f.unmet)).toEqual([1000, 0, 0]);
    const unmet = plan.bindings.filter((b) => b.kind === "unmet");
    expect(unmet).toHaveLength(1);
    expect(unmet[0]).toMatchObject({ cause: "lead_time", offerId: "C", maxUnmet: 1000 });
    expect(unmet[0]?.sentence).toBe("CoreWeave's 45-day lead time leaves 1,000 H100e of H100 unmet in Jan 2027");
  });

  it("holds a provider to its 35 % cap and prices the cap", async () => {
    // Jan 2027 (744 h), 1,000 H100e needed, steps of 50. Oracle $2/h, CoreWeave $3/h, Lambda $3.50/h; each provider
    // at most 35 % of the H100e: Oracle 350, CoreWeave 350, Lambda the other 300.
    // Cost: 350 × 744 × 2 = 520,800; 350 × 744 × 3 = 781,200; 300 × 744 × 3.5 = 781,200; total 2,083,200.
    // Without Oracle's cap: 1,000 × 744 × 2 = 1,488,000, so the cap costs 2,083,200 − 1,488,000 = 595,200.
    // Its shadow price: one more H100e of Oracle replaces one of Lambda, (3.5 − 2) × 744 = $1,116.
    // CoreWeave's cap binds too: 300 more of CoreWeave instead of Lambda would save 300 × 744 × 0.5 = 111,600.
    const offer = (id: string, providerName: string, ratePerHour: string) =>
      testOffer({ id, providerId: providerName, providerName, ratePerHour, step: 50 });
    const world = testWorld({
      months: ["2027-01"],
      demand: { H100: [1000] },
      caps: { provider: 0.35 },
      offers: [offer("A", "Oracle OCI", "2"), offer("B", "CoreWeave", "3"), offer("C", "Lambda", "3.5")],
    });
    const plan = await solveProcurementPlan(world);
    expect(plan.blocks.map((b) => [b.offerId, b.quantity])).toEqual([
      ["A", 350],
      ["B", 350],
      ["C", 300],
    ]);
    expect(plan.committedCost).toBe("2083200");
    expect(plan.shares[0]?.provider).toMatchObject({ largestShare: 0.35 });
    const caps = plan.bindings.filter((b) => b.kind === "cap");
    expect(caps.map((b) => b.name)).toEqual(["Oracle OCI", "CoreWeave"]);
    expect(caps[0]?.kind === "cap" && caps[0].costUsd).toBeCloseTo(595_200, 2);
    expect(caps[0]?.kind === "cap" && caps[0].usdPerH100e).toBeCloseTo(1116, 4);
    expect(caps[0]?.sentence).toBe("The 35 % cap on Oracle OCI costs $595K");
    expect(caps[1]?.kind === "cap" && caps[1].costUsd).toBeCloseTo(111_600, 2);
  });

  it("fills a provider cap exactly, in the full model and in the two-pass solve alike", async () => {
    // Mar–Apr 2027 (744 h, 720 h). Existing: Oracle 293 H100e in Mar; AWS 274 + Oracle 298 = 572 in Apr. Each provider
    // at most 35 %. 1,211 H100e needed in Mar. CoreWeave spot (held to the horizon's end) and AWS for one month, both
    // $0.50/h, 0.5 H100e per unit, steps of 8. Each is far below the unmet penalty, so the plan buys all the caps allow:
    // Apr: 0.5x ≤ 0.35 × (572 + 0.5x) → x ≤ 616, exactly at the cap (308 of 880).
    // Mar: 0.5y ≤ 0.35 × (293 + 308 + 0.5y) → y ≤ 647.2 → 640 in steps of 8.
    // Cost: 616 × 1,464 × 0.5 = 450,912 plus 640 × 744 × 0.5 = 238,080 = 688,992; Mar leaves 1,211 − 308 − 320 = 583 unmet.
    // (A cap row shaved by 1e-6 once made the full model stop at 608 while the two-pass solve found 616.)
    const offer = (id: string, providerId: string, pricingModel: "spot" | "reserved") =>
      testOffer({ id, providerId, providerName: providerId, pricingModel, ratePerHour: "0.50", h100ePerUnit: 0.5, step: 8 });
    const world = testWorld({
      months: ["2027-03", "2027-04"],
      families: ["H100", "GB200"],
      demand: { H100: [1211, 0], GB200: [0, 0] },
      existingCapacity: { H100: [0, 274], GB200: [293, 298] },
      existingByProvider: { aws: [0, 274], oracle: [293, 298] },
      caps: { provider: 0.35 },
      offers: [offer("CW", "coreweave", "spot"), offer("AWS", "aws", "reserved")],
    });
    for (const plan of [await solveProcurementPlan(world), await solveProcurementPlan(world, { twoPass: true })]) {
      expect(plan.blocks.map((b) => [b.offerId, b.startMonth, b.quantity])).toEqual([
        ["CW", "2027-03", 616],
        ["AWS", "2027-03", 640],
      ]);
      expect(plan.committedCost).toBe("688992");
      expect(plan.families.find((f) => f.family === "H100" && f.month === "2027-03")?.unmet).toBe(583);
    }
  });

  it("stops at the budget and leaves the rest unmet", async () => {
    // Jan 2027 (744 h), 1,000 H100e needed, one offer at $2/h in steps of 100, budget $1,000,000.
    // 600 units cost 600 × 744 × 2 = 892,800; 700 would cost 1,041,600 > 1,000,000. So 600, and 400 unmet.
    const world = testWorld({
      months: ["2027-01"],
      demand: { H100: [1000] },
      budgetUsd: "1000000",
      offers: [testOffer({ id: "A", ratePerHour: "2" })],
    });
    const plan = await solveProcurementPlan(world);
    expect(plan.blocks.map((b) => b.quantity)).toEqual([600]);
    expect(plan.committedCost).toBe("892800");
    expect(plan.families[0]?.unmet).toBe(400);
    expect(plan.bindings.find((b) => b.kind === "budget")?.sentence).toBe("The $1M budget leaves 400 H100e-months unmet");
    expect(plan.bindings.find((b) => b.kind === "unmet")).toMatchObject({ cause: "budget", maxUnmet: 400 });
  });

  it("builds only when the demand keeps the build above its break-even utilization", async () => {
    // 2027 has 8,760 h. Build (owned, 12-month term) at $1.50/h, the caller's lease-vs-build rate; a 1-month lease at
    // $2.50/h. Break-even utilization: 1.5 ÷ 2.5 = 60 % of the year's hours.
    //   Build for the year: 1,000 × 8,760 × 1.5 = 13,140,000.
    //   Demand Jan–Jun (181 days = 4,344 h, 49.6 %): leasing costs 1,000 × 4,344 × 2.5 = 10,860,000 < 13,140,000 → lease.
    //   Demand Jan–Aug (243 days = 5,832 h, 66.6 %): leasing would cost 1,000 × 5,832 × 2.5 = 14,580,000 → build.
    const months = Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, "0")}`);
    const offers = [
      testOffer({ id: "build", ratePerHour: "1.50", pricingModel: "owned", termMonths: 12, step: 1000 }),
      testOffer({ id: "lease", ratePerHour: "2.50", termMonths: 1, step: 1000 }),
    ];
    const shape = (busy: number) => ({ H100: months.map((_, i) => (i < busy ? 1000 : 0)) });
    const six = await solveProcurementPlan(testWorld({ months, demand: shape(6), offers }));
    expect(new Set(six.blocks.map((b) => b.offerId))).toEqual(new Set(["lease"]));
    expect(six.committedCost).toBe("10860000");
    const eight = await solveProcurementPlan(testWorld({ months, demand: shape(8), offers }));
    expect(eight.blocks.map((b) => [b.offerId, b.startMonth, b.endMonth, b.committedCost])).toEqual([
      ["build", "2027-01", "2027-12", "13140000"],
    ]);
  });

  it("says what 1 MW more would cover when its shadow price is the unmet-demand penalty, not a saving", async () => {
    // Jan 2027 (744 h) and Feb 2027 (672 h), 100 H100e needed each month. The only offer, A at Reno, $2/h, 1-month
    // blocks of 1 unit of 10,000 W: Reno's 0.6 MW holds 0.6e6 ÷ 10,000 = 60 units, so 40 H100e stay unmet each month.
    // Cost: 60 × 744 × 2 = 89,280 and 60 × 672 × 2 = 80,640. Penalty (defaultPenalty): 2 × 744 × 1.25 = 1,860.
    // 1 MW more = 1e6 ÷ 10,000 = 100 units a month, of which 40 cover unmet demand: 40 × 2 = 80 H100e-months.
    // The power rows' duals price that at the penalty: (1,860 − 1,488) × 100 + (1,860 − 1,344) × 100 = 88,800,
    // money no one would save (the penalty is not paid): the sentence names the demand covered instead.
    const world = testWorld({
      months: ["2027-01", "2027-02"],
      demand: { H100: [100, 100] },
      sites: [{ id: "reno", name: "Reno", budgetMw: [0.6, 0.6], existingMw: [0, 0] }],
      offers: [testOffer({ id: "A", ratePerHour: "2", siteId: "reno", step: 1, facilityWattsPerUnit: 10_000 })],
    });
    const plan = await solveProcurementPlan(world);
    expect(plan.penaltyPerH100eMonth).toBe(1860);
    expect(plan.blocks.map((b) => [b.startMonth, b.quantity, b.committedCost])).toEqual([
      ["2027-01", 60, "89280"],
      ["2027-02", 60, "80640"],
    ]);
    expect(plan.families.map((f) => f.unmet)).toEqual([40, 40]);
    const power = plan.bindings.filter((b) => b.kind === "power");
    expect(power).toHaveLength(1);
    expect(power[0]).toMatchObject({ siteName: "Reno", fromMonth: "2027-01", toMonth: "2027-02", unmetH100eMonths: 80 });
    expect(power[0]?.kind === "power" && power[0].savingPerMw).toBeCloseTo(88_800, 3);
    expect(power[0]?.sentence).toBe("1 MW more at Reno from Jan 2027 would cover 80 H100e-months of H100 demand left unmet");
  });

  it("prices an offer's maximum as a saving only when no demand is left unmet", async () => {
    // Jan 2027 (744 h) and Feb 2027 (672 h), 100 H100e needed each month, 1-month blocks in steps of 1.
    // A: $2/h, at most 150 in all. B: $3/h, no maximum. A saves (3 − 2) × 744 = 744 per unit over B in Jan and
    // 672 in Feb: A 100 in Jan and 50 in Feb, B the other 50 in Feb. One more of A replaces one of B in Feb: $672.
    const months = ["2027-01", "2027-02"];
    const demand = { H100: [100, 100] };
    const a = testOffer({ id: "A", ratePerHour: "2", step: 1, maxQuantity: 150 });
    const both = await solveProcurementPlan(testWorld({ months, demand, offers: [a, testOffer({ id: "B", ratePerHour: "3", step: 1 })] }));
    expect(both.blocks.map((b) => [b.offerId, b.startMonth, b.quantity])).toEqual([
      ["A", "2027-01", 100],
      ["A", "2027-02", 50],
      ["B", "2027-02", 50],
    ]);
    expect(both.bindings.find((b) => b.kind === "offer_max")?.sentence).toBe(
      "A is bought to its maximum of 150; each more accelerator would save $672",
    );
    // A alone: every unit avoids the penalty (2 × 744 × 1.25 = 1,860 per H100e-month) and Feb's are cheaper (1,344 against
    // 1,488): A 100 in Feb and 50 in Jan, 50 H100e unmet in Jan. The dual, 1,860 − 1,488 = $372, is the penalty less
    // A's cost, not a saving anyone would see: the sentence says what is left unmet instead.
    const alone = await solveProcurementPlan(testWorld({ months, demand, offers: [a] }));
    expect(alone.families.map((f) => f.unmet)).toEqual([50, 0]);
    const max = alone.bindings.find((b) => b.kind === "offer_max");
    expect(max?.kind === "offer_max" && max.usdPerUnit).toBeCloseTo(372, 6);
    expect(max?.sentence).toBe("A is bought to its maximum of 150 while up to 50 H100e of H100 demand stays unmet");
  });
});
