import { describe, expect, it } from "vitest";
import { leaseResult } from "./result";
import { leaseQuery, parseLeaseParams, resolveLease, type LeaseCatalog } from "./params";

const catalog: LeaseCatalog = {
  types: [
    {
      id: "a",
      name: "AMD MI300X",
      family: "MI300X",
      systemW: 1250,
      medianRate: { reserved: null, usage: "3.1" },
      rateCounts: { reserved: 0, usage: 2 },
    },
    {
      id: "h",
      name: "NVIDIA H100 SXM",
      family: "H100",
      systemW: 1275,
      medianRate: { reserved: "2.1", usage: null },
      rateCounts: { reserved: 5, usage: 0 },
    },
  ],
  sites: [
    { id: "c", name: "Cloud site", pue: "1.3", owned: false },
    { id: "o", name: "Own site", pue: "1.2", owned: true },
  ],
};

describe("resolveLease", () => {
  it("defaults to the most leased type, an owned site and the catalog's figures", () => {
    const r = resolveLease(parseLeaseParams({}), catalog);
    expect(r.type?.id).toBe("h");
    expect(r.site?.id).toBe("o");
    // facility share = 1,275 W × $10 per W = 12,750; H100 capex 35,000; rate = median of the reserved blocks
    expect(r.values).toMatchObject({ capex: "35000", facility: "12750", rate: "2.1", util: "70", years: "5", qty: "10000" });
    expect(r.input).toMatchObject({ systemW: 1275, pue: "1.2", leaseBilling: "reserved" });
    expect(r.utilization).toBe("0.7");
    expect(r.sources.rate).toBe("median of 5 current reserved NVIDIA H100 SXM blocks");
  });

  it("falls back to the other billing's median when the chosen one has none", () => {
    const r = resolveLease(parseLeaseParams({ type: "a" }), catalog);
    expect(r.values.rate).toBe("3.1");
    expect(r.sources.rate).toBe("median of 2 current on-demand and spot AMD MI300X blocks");
  });

  it("keeps typed values, drops their default source, and refuses bad ones with the field named", () => {
    const typed = resolveLease(parseLeaseParams(new URLSearchParams("rate=1.5&util=50")), catalog);
    expect(typed.values.rate).toBe("1.5");
    expect(typed.sources.rate).toBeUndefined();
    const bad = resolveLease(parseLeaseParams({ util: "0", years: "abc", qty: "2.5" }), catalog);
    expect(bad.input).toBeNull();
    expect(bad.errors).toEqual({
      util: "Expected utilization (%) must be above 0.",
      years: "Depreciation (years) must be a number.",
      qty: "Accelerators must be a whole number.",
    });
    expect(leaseResult(bad)).toBeNull();
  });

  it("round-trips through the URL, leaving out what was not typed", () => {
    const params = parseLeaseParams({ type: "h", rate: "1.9", billing: "usage", capex: "" });
    expect(leaseQuery(params)).toBe("?type=h&billing=usage&rate=1.9");
    expect(parseLeaseParams(new URLSearchParams(leaseQuery(params).slice(1)))).toEqual(params);
  });
});

describe("leaseResult", () => {
  it("computes both options at the expected utilization", () => {
    // capex (35,000 + 12,750) ÷ (5 × 8,760) = 47,750 ÷ 43,800 = 1.0901…; power 1,275 × 1.2 × 80 ÷ 10⁶ = 0.1224; opex 0.25
    // owned at 70 %: 1.0902 ÷ 0.7 + 0.1224 + 0.25 = 1.9298…; leased 2.1 ÷ 0.7 = 3
    const r = leaseResult(resolveLease(parseLeaseParams({}), catalog))!;
    expect(r.powerPerAh.toString()).toBe("0.1224");
    expect(r.owned.toFixed(4)).toBe("1.9298");
    expect(r.leased.toString()).toBe("3");
    expect(r.cheaper).toBe("owned");
  });
});
