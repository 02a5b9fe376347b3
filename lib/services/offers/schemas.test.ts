import { describe, expect, it } from "vitest";
import { CreateOfferInput, offerIssues, UpdateOfferInput } from "./schemas";

const ID = "00000000-0000-4000-8000-000000000001";
const base = {
  providerId: ID,
  siteId: "",
  region: "eu-north1",
  acceleratorTypeId: ID,
  pricingModel: "on_demand",
  rate: "2.95",
  currency: "usd",
  minQuantity: "8",
  step: "8",
  leadTimeDays: "0",
  validFrom: "2026-07-30",
  source: "list",
};

describe("CreateOfferInput", () => {
  it("parses form strings into the stored shape", () => {
    const parsed = CreateOfferInput.parse({ ...base, maxQuantity: "2,048" });
    expect(parsed).toMatchObject({
      siteId: null,
      region: "eu-north1",
      termMonths: null,
      rate: "2.95",
      currency: "USD",
      minQuantity: 8,
      maxQuantity: 2048,
      capexPerAccelerator: null,
      validUntil: null,
      note: null,
    });
  });

  it("names every broken field at once", () => {
    const result = CreateOfferInput.safeParse({ ...base, region: "", pricingModel: "reserved", minQuantity: "12", rate: "1,5" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["rate"]));
    // The cross-field rules run once every field parses.
    const cross = CreateOfferInput.safeParse({ ...base, region: "", pricingModel: "reserved", minQuantity: "12" });
    expect(cross.error!.issues.map((i) => i.path.join(".")).sort()).toEqual(["minQuantity", "region", "termMonths"]);
  });

  it("refuses an unknown pricing model or source", () => {
    const result = CreateOfferInput.safeParse({ ...base, pricingModel: "lease", source: "rumour" });
    expect(result.error!.issues.map((i) => i.message)).toEqual([
      "Pricing model must be reserved, on-demand, spot or owned.",
      "Source must be quote, list or renewal.",
    ]);
  });
});

describe("offerIssues", () => {
  const ok = CreateOfferInput.parse(base);

  it("accepts a consistent offer", () => {
    expect(offerIssues(ok)).toEqual({});
  });

  it("wants a term only on reserved and owned offers", () => {
    expect(offerIssues({ ...ok, termMonths: 12 })).toEqual({ termMonths: "On-demand and spot offers have no term; leave it blank." });
    expect(offerIssues({ ...ok, pricingModel: "reserved" }).termMonths).toMatch(/Enter the term/);
  });

  it("wants every build input on an owned offer at a site, and none on a leased one", () => {
    const owned = offerIssues({ ...ok, pricingModel: "owned", termMonths: 60, capexPerAccelerator: "30000" });
    expect(Object.keys(owned).sort()).toEqual(["depreciationYears", "facilityCapexPerW", "opexPerAh", "powerPerMwh", "siteId"]);
    expect(offerIssues({ ...ok, opexPerAh: "0.3" })).toEqual({ opexPerAh: "Build inputs are for owned offers only; leave them blank." });
  });

  it("keeps quantities in whole steps and the validity in order", () => {
    expect(offerIssues({ ...ok, maxQuantity: 100 }).maxQuantity).toMatch(/steps of 8/);
    expect(offerIssues({ ...ok, maxQuantity: 0 + 4, minQuantity: 8 }).maxQuantity).toMatch(/at least the minimum/);
    expect(offerIssues({ ...ok, validUntil: "2026-07-30" }).validUntil).toMatch(/end after it starts/);
  });
});

describe("UpdateOfferInput", () => {
  it("keeps only the fields sent", () => {
    expect(UpdateOfferInput.parse({ id: ID, version: "3", changes: { leadTimeDays: "90" } })).toEqual({
      id: ID,
      version: 3,
      changes: { leadTimeDays: 90 },
    });
  });
});
