import type { PlanOffer, PlanWorld } from "./types";

/** A world for hand-worked tests: no existing capacity, no sites, no caps, unless given. */
export function testWorld(partial: Partial<PlanWorld> & Pick<PlanWorld, "months" | "demand" | "offers">): PlanWorld {
  const families = partial.families ?? Object.keys(partial.demand);
  return {
    families,
    existingCapacity: Object.fromEntries(families.map((f) => [f, partial.months.map(() => 0)])),
    sites: [],
    existingByProvider: {},
    existingByVendor: {},
    existingBySite: {},
    caps: {},
    ...partial,
  };
}

export function testOffer(partial: Partial<PlanOffer> & Pick<PlanOffer, "id" | "ratePerHour">): PlanOffer {
  return {
    label: partial.id,
    providerId: `p-${partial.id}`,
    providerName: `Provider ${partial.id}`,
    vendor: "nvidia",
    siteId: null,
    family: "H100",
    pricingModel: "reserved",
    termMonths: 1,
    h100ePerUnit: 1,
    facilityWattsPerUnit: 1000,
    minQuantity: 0,
    maxQuantity: null,
    step: 100,
    earliestStartMonth: 0,
    leadTimeDays: 0,
    ...partial,
  };
}
