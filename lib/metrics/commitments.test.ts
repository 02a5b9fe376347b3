import { describe, expect, it } from "vitest";
import { commitmentCoverage, commitmentSavings, commitmentUtilization, type CommitmentCharge } from "./commitments";

const charge = (c: Partial<CommitmentCharge>): CommitmentCharge => ({
  chargeCategory: "Usage",
  pricingCategory: "Standard",
  commitmentDiscountStatus: null,
  effectiveCost: "0",
  listCost: null,
  contractedCost: null,
  ...c,
});

// A month of one reserved instance at $1.50/h amortized: 600 h used, 120 h unused, bought for $1,080 (Purchase row).
const MONTH = [
  charge({ chargeCategory: "Purchase", pricingCategory: "Standard", effectiveCost: "0", listCost: "2160", contractedCost: "2160" }),
  charge({
    pricingCategory: "Committed",
    commitmentDiscountStatus: "Used",
    effectiveCost: "900",
    listCost: "1800",
    contractedCost: "1620",
  }),
  charge({
    pricingCategory: "Committed",
    commitmentDiscountStatus: "Unused",
    effectiveCost: "180",
    listCost: "360",
    contractedCost: "324",
  }),
  charge({ pricingCategory: "Standard", effectiveCost: "270", listCost: "300", contractedCost: "270" }),
  charge({ pricingCategory: "Dynamic", effectiveCost: "40", listCost: "120", contractedCost: "120" }),
  charge({ chargeCategory: "Tax", pricingCategory: null, effectiveCost: "55" }),
];

describe("commitmentUtilization", () => {
  it("divides used by used + unused amortized cost, without Purchase rows", () => {
    // 900 ÷ (900 + 180) = 900 ÷ 1,080 = 0.8333…
    const u = commitmentUtilization(MONTH);
    expect(u.used.toString()).toBe("900");
    expect(u.unused.toString()).toBe("180");
    expect(u.rate!.toFixed(6)).toBe("0.833333");
  });

  it("ignores a Purchase row even if it carries a status, and matches enum values in any case", () => {
    const rows = [
      charge({ chargeCategory: "purchase", commitmentDiscountStatus: "Used", effectiveCost: "1000" }),
      charge({ commitmentDiscountStatus: "used", effectiveCost: "3" }),
      charge({ commitmentDiscountStatus: "UNUSED", effectiveCost: "1" }),
    ];
    // 3 ÷ (3 + 1) = 0.75
    expect(commitmentUtilization(rows).rate!.toString()).toBe("0.75");
  });

  it("is null without commitment rows", () => {
    expect(commitmentUtilization([charge({ effectiveCost: "5" })]).rate).toBeNull();
  });
});

describe("commitmentCoverage", () => {
  it("divides committed usage by Standard + Committed usage, leaving out unused, spot, tax and purchases", () => {
    // committed 900; eligible = 900 (committed, used) + 270 (standard) = 1,170; 900 ÷ 1,170 = 0.769230…
    const c = commitmentCoverage(MONTH);
    expect(c.committed.toString()).toBe("900");
    expect(c.eligible.toString()).toBe("1170");
    expect(c.rate!.toFixed(6)).toBe("0.769231");
  });

  it("is null when nothing is eligible", () => {
    expect(commitmentCoverage([charge({ pricingCategory: "Dynamic", effectiveCost: "5" })]).rate).toBeNull();
  });
});

describe("commitmentSavings", () => {
  it("splits list − effective into negotiated and commitment savings, unused commitment counting as cost", () => {
    // Usage rows with prices: used (1800 / 1620 / 900), unused (0 / 0 / 180), standard (300 / 270 / 270), spot (120 / 120 / 40).
    // list 2,220; contracted 2,010; effective 1,390.
    // negotiated = 2,220 − 2,010 = 210; commitment = 2,010 − 1,390 = 620; total = 830; rate = 830 ÷ 2,220 = 0.373873…
    const s = commitmentSavings(MONTH);
    expect([s.listCost, s.contractedCost, s.effectiveCost, s.negotiated, s.commitment, s.total].map(String)).toEqual([
      "2220",
      "2010",
      "1390",
      "210",
      "620",
      "830",
    ]);
    expect(s.effectiveSavingsRate!.toFixed(6)).toBe("0.373874");
  });

  it("takes a missing ContractedCost as the list price and skips rows without a list price", () => {
    const s = commitmentSavings([
      charge({ effectiveCost: "8", listCost: "10", contractedCost: null }),
      charge({ effectiveCost: "99", listCost: null }),
    ]);
    // list 10, contracted 10, effective 8: negotiated 0, commitment 2, rate 0.2
    expect([s.negotiated, s.commitment, s.effectiveSavingsRate].map(String)).toEqual(["0", "2", "0.2"]);
  });

  it("has no rate without list prices", () => {
    expect(commitmentSavings([]).effectiveSavingsRate).toBeNull();
  });
});
