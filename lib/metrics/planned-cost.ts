import { dec, type Dec, type DecimalValue } from "./decimal";

export type PricingModel = "reserved" | "on_demand" | "spot";

/** Reserved blocks pay for every hour held (capacity_AH × rate); on-demand and spot pay used_AH × rate. */
export function plannedCost(input: {
  pricingModel: PricingModel;
  rate: DecimalValue;
  capacityAh: DecimalValue;
  usedAh: DecimalValue;
}): Dec {
  const hours = input.pricingModel === "reserved" ? input.capacityAh : input.usedAh;
  return dec(hours).times(input.rate);
}
