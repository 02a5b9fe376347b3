import { dec, type Dec, type DecimalValue } from "./decimal";

export type PricingModel = "reserved" | "on_demand" | "spot";

/** The accelerator-hours a block pays for: reserved blocks every hour held (capacity_AH), on-demand and spot used_AH. */
export function paidHours<T>(pricingModel: PricingModel, capacityAh: T, usedAh: T): T {
  return pricingModel === "reserved" ? capacityAh : usedAh;
}

export type PlannedCostInput = { pricingModel: PricingModel; rate: DecimalValue; capacityAh: DecimalValue; usedAh: DecimalValue };

/** Reserved blocks pay for every hour held (capacity_AH × rate); on-demand and spot pay used_AH × rate. */
export function plannedCost(input: PlannedCostInput): Dec {
  const hours = paidHours(input.pricingModel, input.capacityAh, input.usedAh);
  return dec(hours).times(input.rate);
}

/**
 * Planned cost of a period whose use is not known yet (after asOf): reserved capacity_AH × rate; on-demand and spot
 * forecast to use every hour they hold (capacity_AH × rate, the upper bound lib/metrics/monthly-spend.ts plans with
 * from the month of asOf on).
 */
export function plannedCostAhead(input: Omit<PlannedCostInput, "usedAh">): Dec {
  return plannedCost({ ...input, usedAh: input.capacityAh });
}
