import { describe, expect, it } from "vitest";
import { testOffer } from "@/lib/planning/procurement/test-world";
import { withoutDominated } from "./offers";

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
