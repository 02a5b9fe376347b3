import { describe, expect, it } from "vitest";
import { testOffer } from "@/lib/planning/procurement/test-world";
import { PlanInputs } from "@/lib/validation/plan";
import { offerLabel, planOffers, withoutDominated } from "./offers";

const ids = (offers: { id: string }[]) => offers.map((o) => o.id);

describe("withoutDominated", () => {
  it("keeps the cheapest of one cloud's same chip in many regions", () => {
    const offers = [
      testOffer({ id: "a", ratePerHour: "3.10", pricingModel: "on_demand", providerId: "aws" }),
      testOffer({ id: "b", ratePerHour: "2.90", pricingModel: "on_demand", providerId: "aws" }),
      testOffer({ id: "c", ratePerHour: "2.90", pricingModel: "on_demand", providerId: "aws" }),
    ];
    // b and c tie: the first (b) is kept.
    expect(ids(withoutDominated(offers))).toEqual(["b"]);
  });

  it("keeps a dearer offer that starts earlier, or one with a quantity limit", () => {
    const offers = [
      testOffer({ id: "cheap-late", providerId: "p", ratePerHour: "2", earliestStartMonth: 4 }),
      testOffer({ id: "dear-early", providerId: "p", ratePerHour: "3", earliestStartMonth: 1 }),
      testOffer({ id: "dear-late", providerId: "p", ratePerHour: "3", earliestStartMonth: 4 }),
      testOffer({ id: "capped", providerId: "p", ratePerHour: "5", maxQuantity: 800 }),
    ];
    expect(ids(withoutDominated(offers))).toEqual(["cheap-late", "dear-early", "capped"]);
  });

  it("never merges offers that differ in provider, site, term or step", () => {
    const offers = [
      testOffer({ id: "a", ratePerHour: "2", providerId: "p1" }),
      testOffer({ id: "b", ratePerHour: "3", providerId: "p2" }),
      testOffer({ id: "c", ratePerHour: "3", providerId: "p1", siteId: "s1" }),
      testOffer({ id: "d", ratePerHour: "3", providerId: "p1", termMonths: 12 }),
      testOffer({ id: "e", ratePerHour: "3", providerId: "p1", step: 8 }),
    ];
    expect(ids(withoutDominated(offers))).toEqual(["a", "b", "c", "d", "e"]);
  });
});

const ROW = {
  id: "o1",
  provider_id: "p1",
  provider_name: "CoreWeave",
  // A cloud-region offer, resolved to the provider's site with that region code (an unbudgeted site).
  site_id: "s-region",
  site_name: "CoreWeave US East",
  region: "us-east-04",
  accelerator_type_id: "t1",
  source: "quote" as const,
  type_name: "NVIDIA GB200",
  family: "GB200",
  vendor: "NVIDIA",
  factor: "2.5",
  system_w: 2000,
  pricing_model: "reserved" as const,
  term_months: 36,
  rate: "4.000000",
  currency: "USD",
  capex_per_accelerator: null,
  facility_capex_per_w: null,
  depreciation_years: null,
  power_per_mwh: null,
  opex_per_ah: null,
  min_quantity: 64,
  max_quantity: null,
  step: 64,
  lead_time_days: 120,
  valid_from: "2026-01-01",
};
const MODEL = { sites: [{ id: "s1", pue: "1.25" }] } as unknown as Parameters<typeof planOffers>[0]["model"];
const INPUTS = PlanInputs.parse({});
const base = {
  inputs: INPUTS,
  families: new Set(["GB200"]),
  model: MODEL,
  asOf: new Date("2026-11-17T09:30:00Z"),
  firstMonth: new Date("2026-12-01T00:00:00Z"),
  slips: new Map([["p1", 20]]),
  rates: { EUR: "1.08" },
};

describe("planOffers", () => {
  it("turns the lead time into the first whole month and stretches it by the slip when planning for late delivery", () => {
    // 17 Nov + 120 days = 17 Mar 2027 → April, index 4; + 20 days slip = 6 Apr → May, index 5.
    const [plain] = planOffers({ ...base, rows: [ROW] }).offers;
    expect(plain).toMatchObject({ earliestStartMonth: 4, leadTimeDays: 120, minQuantity: 0, h100ePerUnit: 2.5, ratePerHour: "4" });
    const [late] = planOffers({ ...base, inputs: { ...INPUTS, lateDelivery: true }, rows: [ROW] }).offers;
    expect(late).toMatchObject({ earliestStartMonth: 5, leadTimeDays: 140 });
  });

  it("converts another currency to USD and leaves out, naming it, one with no rate", () => {
    const { offers, warnings } = planOffers({
      ...base,
      rows: [
        { ...ROW, id: "eur", currency: "EUR", rate: "2.500000" },
        { ...ROW, id: "chf", currency: "CHF" },
      ],
    });
    // 2.5 EUR × 1.08 = 2.7 USD.
    expect(offers.map((o) => [o.id, o.ratePerHour])).toEqual([["eur", "2.7"]]);
    expect(warnings).toEqual(["1 offer in CHF left out: no exchange rate (set HEADROOM_FX_RATES, e.g. CHF=1.08)."]);
  });

  it("keeps only the chosen families and the pricing models allowed; a site's power per unit is system W × PUE", () => {
    const rows = [
      { ...ROW, id: "od", pricing_model: "on_demand" as const, term_months: null },
      { ...ROW, id: "spot", pricing_model: "spot" as const, term_months: null },
      { ...ROW, id: "h100", family: "H100" },
      { ...ROW, id: "site", site_id: "s1", site_name: "Abilene", region: null, min_quantity: 1024 },
    ];
    const { offers } = planOffers({ ...base, inputs: { ...INPUTS, noOnDemand: true }, rows });
    expect(offers.map((o) => o.id)).toEqual(["spot", "site"]);
    // 2,000 W × 1.25 = 2,500 W; a minimum of 16 steps is kept.
    expect(offers[1]).toMatchObject({
      facilityWattsPerUnit: 2500,
      minQuantity: 1024,
      label: "CoreWeave NVIDIA GB200 reserved 36 mo · Abilene",
    });
  });

  it("leaves out offers in cloud regions with no site of ours, and names the regions once", () => {
    const rows = [
      ROW,
      { ...ROW, id: "r1", site_id: null, site_name: null, region: "eu-north1" },
      { ...ROW, id: "r2", site_id: null, site_name: null, region: "eu-north1", pricing_model: "spot" as const, term_months: null },
      { ...ROW, id: "r3", site_id: null, site_name: null, region: "us-west-01" },
    ];
    const { offers, warnings } = planOffers({ ...base, rows });
    expect(offers.map((o) => o.id)).toEqual(["o1"]);
    expect(warnings).toEqual([
      "3 offers in 2 cloud regions with no site of ours are left out (CoreWeave eu-north1, CoreWeave us-west-01): a reservation is held at a site, so add the region as a site under Sites to let the plan buy there.",
    ]);
  });
});

describe("offerLabel", () => {
  const row = { pricing_model: "reserved" as const, term_months: 12, site_name: "Rainier New Carlisle", region: null };

  it("names the provider once when the type's name already starts with it", () => {
    expect(offerLabel({ ...row, provider_name: "AWS", type_name: "AWS Trainium2" })).toBe(
      "AWS Trainium2 reserved 12 mo · Rainier New Carlisle",
    );
    expect(offerLabel({ ...row, provider_name: "Google Cloud", type_name: "Google Cloud TPU v6e", site_name: "Eemshaven" })).toBe(
      "Google Cloud TPU v6e reserved 12 mo · Eemshaven",
    );
  });

  it("keeps the provider before a type named for its chip maker", () => {
    expect(offerLabel({ ...row, provider_name: "AWS", type_name: "NVIDIA B200", site_name: null, region: "us-east-1" })).toBe(
      "AWS NVIDIA B200 reserved 12 mo · us-east-1",
    );
    // A type whose name only begins with the same letters is not the provider's own.
    expect(offerLabel({ ...row, provider_name: "AMD", type_name: "AMDX Instinct" })).toBe(
      "AMD AMDX Instinct reserved 12 mo · Rainier New Carlisle",
    );
  });
});
