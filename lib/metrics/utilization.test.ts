import { describe, expect, it } from "vitest";
import { idleCost, utilization } from "./utilization";

describe("utilization", () => {
  it("divides used by capacity", () => {
    // 3,168 ÷ 4,224 = 0.75
    expect(utilization("3168", "4224")?.toString()).toBe("0.75");
  });

  it("is null when there is no capacity", () => {
    expect(utilization("5", "0")).toBeNull();
  });
});

describe("idleCost", () => {
  it("prices the unused hours of a reserved block", () => {
    // (4,224 − 3,168) × $2.15 = 1,056 × 2.15 = $2,270.40
    expect(idleCost({ pricingModel: "reserved", rate: "2.15", capacityAh: "4224", usedAh: "3168" }).toFixed(2)).toBe("2270.40");
  });

  it("is zero for on-demand blocks and never negative", () => {
    expect(idleCost({ pricingModel: "on_demand", rate: "3", capacityAh: "10", usedAh: "2" }).toString()).toBe("0");
    expect(idleCost({ pricingModel: "reserved", rate: "3", capacityAh: "10", usedAh: "12" }).toString()).toBe("0");
  });
});
