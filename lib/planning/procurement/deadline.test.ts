import { describe, expect, it } from "vitest";

import { world } from "@/scripts/bench-plan";

import { solveProcurementPlan } from "./solve";
import { testOffer, testWorld } from "./test-world";

describe("the solve's hard deadline", () => {
  it("ends the HiGHS thread at the time limit on a world too big to finish, and says so", async () => {
    const w = world(1);
    const started = performance.now();
    const plan = await solveProcurementPlan(w, { timeLimitSeconds: 0.5, twoPass: false, mipRelGap: 0 });
    const wall = performance.now() - started;
    expect(["time_limit_feasible", "time_limit_no_solution"]).toContain(plan.status);
    // Building the model and the support LP for the duals come on top of the MIP's 0.5 s; a cold thread (loading the
    // WebAssembly) on a loaded CI machine may add up to ~1 s more. Left to run, this MIP takes far longer.
    expect(plan.timing.mipMs).toBeLessThan(500 + 1500);
    expect(wall).toBeLessThan(15_000);
    if (plan.status === "time_limit_feasible") expect(plan.mipGap).toBeGreaterThan(0);
    // The thread ended at the deadline is replaced: the next solve runs its MIP in a fresh one.
    // 1,000 H100e in Jan 2027 (744 h) at $2/h: 1,000 × 744 × 2 = 1,488,000.
    const next = await solveProcurementPlan(
      testWorld({ months: ["2027-01"], demand: { H100: [1000] }, offers: [testOffer({ id: "A", ratePerHour: "2" })] }),
    );
    expect(next.status).toBe("optimal");
    expect(next.committedCost).toBe("1488000");
  }, 30_000);

  it("reuses the warm thread: solves in a row each give the same optimal plan", async () => {
    const small = testWorld({
      months: ["2027-01", "2027-02"],
      demand: { H100: [1000, 1500] },
      offers: [testOffer({ id: "A", ratePerHour: "2", termMonths: 2 }), testOffer({ id: "B", ratePerHour: "2.5" })],
    });
    const plans = [];
    for (let i = 0; i < 3; i++) plans.push(await solveProcurementPlan(small));
    expect(new Set(plans.map((p) => `${p.status} ${p.committedCost}`)).size).toBe(1);
    expect(plans[0]?.status).toBe("optimal");
  }, 30_000);
});
