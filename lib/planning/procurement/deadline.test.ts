import { describe, expect, it } from "vitest";

import { world } from "@/scripts/bench-plan";

import { solveProcurementPlan } from "./solve";

describe("the solve's hard deadline", () => {
  it("ends the HiGHS thread at the time limit on a world too big to finish, and says so", async () => {
    const w = world(1);
    const started = performance.now();
    const plan = await solveProcurementPlan(w, { timeLimitSeconds: 0.5, twoPass: false, mipRelGap: 0 });
    const wall = performance.now() - started;
    expect(["time_limit_feasible", "time_limit_no_solution"]).toContain(plan.status);
    // Building the model and the support LP for the duals come on top of the MIP's 0.5 s.
    expect(plan.timing.mipMs).toBeLessThan(500 + 400);
    expect(wall).toBeLessThan(15_000);
    if (plan.status === "time_limit_feasible") expect(plan.mipGap).toBeGreaterThan(0);
  }, 30_000);
});
