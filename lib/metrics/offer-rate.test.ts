import { describe, expect, it } from "vitest";
import { ownedPerUsefulAh } from "./lease-vs-build";
import { ownedOfferRate } from "./offer-rate";

// Capex $30,000 + facility $11.04/W × 1,250 W = $13,800 → $43,800 over 5 years × 8,760 h = $1.00 per hour.
// Power: 1,250 W × PUE 1.2 × $100/MWh ÷ 10⁶ = $0.15 per AH; opex $0.35 → rate $1.50 per AH.
const build = {
  capexPerAccelerator: "30000",
  facilityCapexPerW: "11.04",
  depreciationYears: "5",
  powerPerMwh: "100",
  opexPerAh: "0.35",
  systemW: 1250,
  pue: "1.2",
};

describe("ownedOfferRate", () => {
  it("is capex per hour plus power plus opex, by hand", () => {
    expect(ownedOfferRate(build).toString()).toBe("1.5");
  });

  it("equals the lease-vs-build owned cost per useful AH at full use", () => {
    const input = {
      capexPerAccelerator: "50000",
      facilityCapexPerAccelerator: "18000", // $10/W × 1,800 W
      depreciationYears: "4",
      systemW: 1800,
      pue: "1.18",
      powerUsdPerMwh: "72",
      opexPerAh: "0.2",
      leasedRate: "3",
      leaseBilling: "usage" as const,
    };
    const rate = ownedOfferRate({
      ...build,
      capexPerAccelerator: "50000",
      facilityCapexPerW: "10",
      depreciationYears: "4",
      powerPerMwh: "72",
      opexPerAh: "0.2",
      systemW: 1800,
      pue: "1.18",
    });
    expect(rate.toString()).toBe(ownedPerUsefulAh(input, 1).toDecimalPlaces(6).toString());
    // 68,000 ÷ 35,040 = 1.940639…; power 1,800 × 1.18 × 72 ÷ 10⁶ = 0.152928; + 0.2 → 2.293567 (half-up at six places)
    expect(rate.toString()).toBe("2.293567");
  });

  it("rounds half up to six decimals", () => {
    // Capex $1 over 1 year: 1 ÷ 8,760 = 0.000114155…; nothing else → 0.000114
    const tiny = { ...build, capexPerAccelerator: "1", facilityCapexPerW: "0", depreciationYears: "1", powerPerMwh: "0", opexPerAh: "0" };
    expect(ownedOfferRate(tiny).toString()).toBe("0.000114");
    // $0.0000005 opex alone rounds up to 0.000001
    expect(ownedOfferRate({ ...tiny, capexPerAccelerator: "0", opexPerAh: "0.0000005" }).toString()).toBe("0.000001");
  });
});
