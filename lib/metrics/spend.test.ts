import { describe, expect, it } from "vitest";
import { committedSpend, plannedSpend } from "./spend";

describe("committedSpend", () => {
  it("sums active, pending and exhausted contracts only", () => {
    const contracts = [
      { status: "active" as const, committedAmount: "1000000.50" },
      { status: "pending" as const, committedAmount: "250000.25" },
      { status: "exhausted" as const, committedAmount: "99.25" },
      { status: "proposed" as const, committedAmount: "5000000" },
      { status: "expired" as const, committedAmount: "7" },
      { status: "cancelled" as const, committedAmount: "9" },
    ];
    // 1,000,000.50 + 250,000.25 + 99.25 = 1,250,100.00
    expect(committedSpend(contracts).toFixed(2)).toBe("1250100.00");
  });
});

describe("plannedSpend", () => {
  it("adds reserved capacity cost and on-demand usage cost", () => {
    // 4,224 AH × $2.15 = $9,081.60; 10.5 used AH × $4 = $42 → $9,123.60
    const total = plannedSpend([
      { pricingModel: "reserved", rate: "2.15", capacityAh: "4224", usedAh: "3000" },
      { pricingModel: "on_demand", rate: "4", capacityAh: "100", usedAh: "10.5" },
    ]);
    expect(total.toFixed(2)).toBe("9123.60");
  });
});
