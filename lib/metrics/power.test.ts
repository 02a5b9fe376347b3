import { describe, expect, it } from "vitest";
import { budgetMwAt, facilityMw, headroomMw, isOverBudget, itMw } from "./power";

const d = (s: string) => new Date(s);
const loads = [
  { quantity: 1000, systemW: 1400, startAt: d("2026-01-01T00:00:00Z"), endAt: d("2027-01-01T00:00:00Z") },
  { quantity: 500, systemW: 2000, startAt: d("2026-06-01T00:00:00Z"), endAt: d("2026-07-01T00:00:00Z") },
];
const budgets = [
  { effectiveFrom: d("2026-01-01T00:00:00Z"), effectiveTo: d("2026-07-01T00:00:00Z"), contractedMw: "2" },
  { effectiveFrom: d("2026-07-01T00:00:00Z"), effectiveTo: null, contractedMw: "5" },
];

describe("power", () => {
  it("sums quantity × system W of the loads running at t, in MW", () => {
    // 1,000 × 1,400 W = 1.4 MW
    expect(itMw(loads, d("2026-03-01T00:00:00Z")).toString()).toBe("1.4");
    // + 500 × 2,000 W = 1.0 MW → 2.4 MW in June
    expect(itMw(loads, d("2026-06-15T00:00:00Z")).toString()).toBe("2.4");
    expect(itMw(loads, d("2026-07-01T00:00:00Z")).toString()).toBe("1.4");
  });

  it("multiplies IT load by PUE", () => {
    // 1.4 MW × 1.25 = 1.75 MW
    expect(facilityMw("1.4", "1.25").toString()).toBe("1.75");
  });

  it("reads the time-phased budget in force at t, open-ended when to is null", () => {
    expect(budgetMwAt(budgets, d("2026-06-30T23:00:00Z")).toString()).toBe("2");
    expect(budgetMwAt(budgets, d("2026-07-01T00:00:00Z")).toString()).toBe("5");
    expect(budgetMwAt(budgets, d("2040-01-01T00:00:00Z")).toString()).toBe("5");
    expect(budgetMwAt(budgets, d("2025-12-31T00:00:00Z")).toString()).toBe("0");
  });

  it("prefers the later-starting budget where two overlap", () => {
    const overlapping = [...budgets, { effectiveFrom: d("2026-03-01T00:00:00Z"), effectiveTo: null, contractedMw: "3" }];
    expect(budgetMwAt(overlapping, d("2026-04-01T00:00:00Z")).toString()).toBe("3");
  });

  it("computes headroom and flags only a negative one", () => {
    // 2 − 1.75 = 0.25
    expect(headroomMw("2", "1.75").toString()).toBe("0.25");
    expect(isOverBudget("-0.1")).toBe(true);
    expect(isOverBudget("0")).toBe(false);
  });
});
