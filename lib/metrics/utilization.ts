import { dec, Dec, type DecimalValue } from "./decimal";
import type { PricingModel } from "./planned-cost";

/** utilization = used_AH ÷ capacity_AH; null when there is no capacity to use. */
export function utilization(usedAh: DecimalValue, capacityAh: DecimalValue): Dec | null {
  const capacity = dec(capacityAh);
  return capacity.isZero() ? null : dec(usedAh).div(capacity);
}

/** idle_cost = (capacity_AH − used_AH) × rate for reserved blocks (never negative); others pay nothing for idle hours. */
export function idleCost(input: { pricingModel: PricingModel; rate: DecimalValue; capacityAh: DecimalValue; usedAh: DecimalValue }): Dec {
  if (input.pricingModel !== "reserved") return new Dec(0);
  return Dec.max(0, dec(input.capacityAh).minus(input.usedAh)).times(input.rate);
}
