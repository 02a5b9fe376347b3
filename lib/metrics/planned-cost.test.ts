import { describe, expect, it } from "vitest";
import { plannedCost, plannedCostAhead } from "./planned-cost";

describe("plannedCost", () => {
  it("charges a reserved block for every hour held", () => {
    // 4,224 AH × $2.15 = $9,081.60, whatever was used
    expect(plannedCost({ pricingModel: "reserved", rate: "2.15", capacityAh: "4224", usedAh: "100" }).toFixed(2)).toBe("9081.60");
  });

  it("charges on-demand and spot blocks for the hours used", () => {
    // 1,000.5 AH × $3.10 = $3,101.55; 10 AH × $0.99 = $9.90
    expect(plannedCost({ pricingModel: "on_demand", rate: "3.10", capacityAh: "4224", usedAh: "1000.5" }).toFixed(2)).toBe("3101.55");
    expect(plannedCost({ pricingModel: "spot", rate: "0.99", capacityAh: "4224", usedAh: "10" }).toString()).toBe("9.9");
  });

  it("keeps cents exact where floats would drift", () => {
    // 0.1 × 0.2 = 0.02 exactly (as floats: 0.020000000000000004)
    expect(plannedCost({ pricingModel: "reserved", rate: "0.2", capacityAh: "0.1", usedAh: "0" }).toString()).toBe("0.02");
  });
});

describe("plannedCostAhead", () => {
  it("plans an on-demand or spot block's unknown future use as every hour it holds", () => {
    // 720 AH × $3.10 = $2,232.00 for on-demand, as for a reserved block of the same capacity
    expect(plannedCostAhead({ pricingModel: "on_demand", rate: "3.10", capacityAh: "720" }).toFixed(2)).toBe("2232.00");
    expect(plannedCostAhead({ pricingModel: "reserved", rate: "3.10", capacityAh: "720" }).toFixed(2)).toBe("2232.00");
  });
});
