import { describe, expect, it } from "vitest";
import {
  breakEvenUtilization,
  capexPerHour,
  cheaperAt,
  costCurve,
  leasedPerUsefulAh,
  medianRate,
  ownedPerUsefulAh,
  powerPerAh,
  termCost,
  type LeaseVsBuildInput,
} from "./lease-vs-build";

// Capex $30,000 + facility share $13,800 = $43,800 over 5 years × 8,760 h = 43,800 h → A = $1.00 per hour.
// Power: 1,250 W × PUE 1.2 × $100/MWh ÷ 10⁶ = $0.15 per AH; opex $0.35 per AH → B = $0.50 per AH.
const base: LeaseVsBuildInput = {
  capexPerAccelerator: "30000",
  facilityCapexPerAccelerator: "13800",
  depreciationYears: "5",
  systemW: 1250,
  pue: "1.2",
  powerUsdPerMwh: "100",
  opexPerAh: "0.35",
  leasedRate: "2",
  leaseBilling: "reserved",
};
const s = (v: { toString(): string }) => v.toString();

describe("owned and leased cost per useful accelerator-hour", () => {
  it("splits owning into capex per hour and power", () => {
    expect(s(capexPerHour(base))).toBe("1");
    expect(s(powerPerAh(base))).toBe("0.15");
  });

  it("divides capex and a reserved lease by utilization, not power and opex", () => {
    // owned at 80 %: 1 ÷ 0.8 + 0.15 + 0.35 = 1.25 + 0.5 = 1.75; leased: 2 ÷ 0.8 = 2.5
    expect(s(ownedPerUsefulAh(base, "0.8"))).toBe("1.75");
    expect(s(leasedPerUsefulAh(base, "0.8"))).toBe("2.5");
    expect(cheaperAt(base, "0.8")).toBe("owned");
  });

  it("charges an on-demand lease only for the hours used", () => {
    expect(s(leasedPerUsefulAh({ ...base, leaseBilling: "usage" }, "0.8"))).toBe("2");
  });
});

describe("breakEvenUtilization", () => {
  it("solves A + B·u = L for a reserved lease, owning cheaper below it", () => {
    // L = 1.20: u* = (1.20 − 1) ÷ 0.5 = 0.4
    const cheap = { ...base, leasedRate: "1.2" };
    expect(breakEvenUtilization(cheap)).toEqual({ utilization: expect.anything(), ownedCheaper: "below" });
    expect(s(breakEvenUtilization(cheap).utilization!)).toBe("0.4");
    // at 40 %: owned 1 ÷ 0.4 + 0.5 = 3.0; leased 1.2 ÷ 0.4 = 3.0
    expect(cheaperAt(cheap, "0.4")).toBe("equal");
    // at 25 %: owned 4 + 0.5 = 4.5 < leased 4.8; at 80 %: owned 1.75 > leased 1.5
    expect(cheaperAt(cheap, "0.25")).toBe("owned");
    expect(cheaperAt(cheap, "0.8")).toBe("leased");
  });

  it("lies outside 0–100 % when one option wins everywhere", () => {
    // L = 2: u* = (2 − 1) ÷ 0.5 = 2 → owning is cheaper at every utilization up to 100 %
    expect(s(breakEvenUtilization(base).utilization!)).toBe("2");
    expect(cheaperAt(base, "1")).toBe("owned");
    // L = 0.9: u* = (0.9 − 1) ÷ 0.5 = −0.2 → leasing is cheaper everywhere
    expect(s(breakEvenUtilization({ ...base, leasedRate: "0.9" }).utilization!)).toBe("-0.2");
    expect(cheaperAt({ ...base, leasedRate: "0.9" }, "0.05")).toBe("leased");
  });

  it("compares capex per hour with the rate when owning costs nothing to run", () => {
    const free = { ...base, powerUsdPerMwh: "0", opexPerAh: "0" };
    expect(breakEvenUtilization(free)).toEqual({ utilization: null, ownedCheaper: "always" });
    expect(breakEvenUtilization({ ...free, leasedRate: "1" })).toEqual({ utilization: null, ownedCheaper: "equal" });
    expect(breakEvenUtilization({ ...free, leasedRate: "0.5" })).toEqual({ utilization: null, ownedCheaper: "never" });
  });

  it("solves A ÷ u + B = L for an on-demand lease, owning cheaper above it", () => {
    // L = 2.50: u* = 1 ÷ (2.5 − 0.5) = 0.5; at 50 %: owned 2 + 0.5 = 2.5 = leased
    const onDemand = { ...base, leasedRate: "2.5", leaseBilling: "usage" as const };
    const be = breakEvenUtilization(onDemand);
    expect(s(be.utilization!)).toBe("0.5");
    expect(be.ownedCheaper).toBe("above");
    expect(cheaperAt(onDemand, "0.5")).toBe("equal");
    expect(cheaperAt(onDemand, "0.8")).toBe("owned");
    expect(cheaperAt(onDemand, "0.25")).toBe("leased");
    // L = 0.50 ≤ B: running alone costs as much as leasing → never
    expect(breakEvenUtilization({ ...onDemand, leasedRate: "0.5" })).toEqual({ utilization: null, ownedCheaper: "never" });
  });
});

describe("termCost and costCurve", () => {
  it("totals both options over the term for the block", () => {
    // 10,000 accelerators at 80 % for 43,800 h: useful AH = 43,800 × 0.8 × 10,000 = 350,400,000
    // owned: 1.75 × 350.4 M = 613.2 M (= 43,800 × 10,000 capex + 0.5 × 350.4 M running)
    // leased: 2.5 × 350.4 M = 876 M (= 2 × 43,800 × 10,000: every hour paid)
    const t = termCost(base, "0.8", 10_000);
    expect([s(t.hours), s(t.usefulAh), s(t.owned), s(t.leased)]).toEqual(["43800", "350400000", "613200000", "876000000"]);
  });

  it("gives both costs at each utilization step up to 100 %", () => {
    // owned 1 ÷ u + 0.5: 4.5, 2.5, 1.8333…, 1.5; leased 2 ÷ u: 8, 4, 2.6666…, 2
    const curve = costCurve(base, "0.25");
    expect(curve.map((p) => s(p.utilization))).toEqual(["0.25", "0.5", "0.75", "1"]);
    expect(curve.map((p) => p.owned.toFixed(4))).toEqual(["4.5000", "2.5000", "1.8333", "1.5000"]);
    expect(curve.map((p) => p.leased.toFixed(4))).toEqual(["8.0000", "4.0000", "2.6667", "2.0000"]);
    expect(costCurve(base).length).toBe(20);
  });
});

describe("medianRate", () => {
  it("takes the middle rate, or the mean of the two middle ones", () => {
    // sorted 1.90, 2.10, 2.40 → 2.10
    expect(s(medianRate(["2.40", "1.90", "2.10"])!)).toBe("2.1");
    // sorted 1.90, 2.10, 2.40, 3.00 → (2.10 + 2.40) ÷ 2 = 2.25
    expect(s(medianRate(["3", "2.40", "1.90", "2.10"])!)).toBe("2.25");
    expect(medianRate([])).toBeNull();
  });
});
