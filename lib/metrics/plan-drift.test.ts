import { describe, expect, it } from "vitest";
import { planCostMove, planCostMovedBeyond } from "./plan-drift";

describe("planCostMove", () => {
  it("is the change and its share of the saved cost", () => {
    // Saved at 1,200,000, now 1,290,000: +90,000 = 7.5 % of 1,200,000.
    const m = planCostMove("1200000", "1290000");
    expect(m.delta.toFixed()).toBe("90000");
    expect(m.pct?.toFixed()).toBe("7.5");
  });

  it("fires on either direction only beyond the threshold, compared exactly", () => {
    expect(planCostMovedBeyond(planCostMove("1000", "1100"), "10")).toBe(false); // exactly 10 %
    expect(planCostMovedBeyond(planCostMove("1000", "1100.01"), "10")).toBe(true);
    expect(planCostMovedBeyond(planCostMove("1000", "899.99"), "10")).toBe(true); // −10.001 %
    expect(planCostMovedBeyond(planCostMove("1000", "900"), "10")).toBe(false);
  });

  it("has no percentage from a saved cost of 0, and any change counts", () => {
    const m = planCostMove("0", "5");
    expect(m.pct).toBeNull();
    expect(planCostMovedBeyond(m, "50")).toBe(true);
    expect(planCostMovedBeyond(planCostMove("0", "0"), "50")).toBe(false);
  });
});
