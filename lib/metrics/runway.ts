import { dec, type DecimalValue } from "./decimal";
import type { Period } from "./period";

export type CapacityDemand = { month: Period; capacity: DecimalValue; demand: DecimalValue };

/** runway = the first month whose demand exceeds its capacity; null when that never happens within the series. */
export function runwayMonth(series: readonly CapacityDemand[]): Period | null {
  return series.find((p) => dec(p.demand).greaterThan(p.capacity))?.month ?? null;
}
