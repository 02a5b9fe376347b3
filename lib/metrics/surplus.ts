import { dec, Dec, type DecimalValue } from "./decimal";
import { medianRate } from "./lease-vs-build";
import { hoursIn, type Period } from "./period";

// PRODUCT.md §3 "unit economics": surplus(f, m) = capacity held − allocated − forecast need, and its value at the offers
// register's list prices. All quantities are averages over the month (accelerators or H100e in service), as on Capacity.
//
// Allocated and forecast need overlap: the forecast is of the family's whole use (allocated workloads' use included)
// plus the demand plans ahead, and a plan's workload may already hold an allocation. So the need counted against the
// free pool is only the need beyond the allocations — need is met first from allocated accelerators:
//   surplus = held − allocated − max(0, need − allocated) = held − max(allocated, need).
// Allocated accelerators the forecast does not use stay promised (not for sale). Negative surplus is a shortfall.

/** One family-month in one unit: averages over the month. */
export type Holding = { held: DecimalValue; allocated: DecimalValue; need: DecimalValue };

/** The need not covered by allocations, and what is left: held − allocated − that need. */
export function surplusOf(h: Holding): { needBeyondAllocated: Dec; committed: Dec; surplus: Dec } {
  const allocated = dec(h.allocated);
  const needBeyondAllocated = Dec.max(0, dec(h.need).minus(allocated));
  const committed = allocated.plus(needBeyondAllocated);
  return { needBeyondAllocated, committed, surplus: dec(h.held).minus(committed) };
}

/**
 * A family's list price per accelerator-hour for one pricing model: the median of its list offers (the register's
 * market rate, as the Offers and Costs pages compare against; the cheapest is one seller's floor, not what a buyer
 * pays). Null when the register has none.
 */
export function listPrice(rates: readonly DecimalValue[]): Dec | null {
  return medianRate(rates);
}

export type SurplusPrices = { spot: Dec | null; onDemand: Dec | null };

export type SurplusMonth = {
  month: Period;
  /** Average accelerators. */
  held: Dec;
  allocated: Dec;
  need: Dec;
  surplus: Dec;
  /** Average H100e, from the H100e forecast (as Capacity's unit switch). */
  heldH100e: Dec;
  allocatedH100e: Dec;
  needH100e: Dec;
  surplusH100e: Dec;
  /** max(0, surplus) × hours of the month: the accelerator-hours that could be resold. */
  surplusAh: Dec;
  valueSpot: Dec | null;
  valueOnDemand: Dec | null;
};

/** One family-month: surplus in both units and the value of its positive part at the list prices. */
export function surplusMonth(input: { month: Period; accelerators: Holding; h100e: Holding; prices: SurplusPrices }): SurplusMonth {
  const a = surplusOf(input.accelerators);
  const h = surplusOf(input.h100e);
  const surplusAh = Dec.max(0, a.surplus).times(hoursIn(input.month));
  return {
    month: input.month,
    held: dec(input.accelerators.held),
    allocated: dec(input.accelerators.allocated),
    need: dec(input.accelerators.need),
    surplus: a.surplus,
    heldH100e: dec(input.h100e.held),
    allocatedH100e: dec(input.h100e.allocated),
    needH100e: dec(input.h100e.need),
    surplusH100e: h.surplus,
    surplusAh,
    valueSpot: input.prices.spot ? surplusAh.times(input.prices.spot) : null,
    valueOnDemand: input.prices.onDemand ? surplusAh.times(input.prices.onDemand) : null,
  };
}

export type QuarterSurplus = {
  /** Whole accelerators free in every month of the quarter: floor(min over its months of surplus), never below 0. */
  accelerators: number;
  /** min over the months of surplus H100e, never below 0. */
  h100e: Dec;
  /** accelerators × hours of the quarter. */
  ah: Dec;
  valueSpot: Dec | null;
  valueOnDemand: Dec | null;
};

/**
 * What could be resold for a whole quarter: a steady block of whole accelerators free in each of its months (a buyer
 * takes a fixed quantity for a term), valued at the list prices over the quarter's hours.
 */
export function quarterSurplus(months: readonly SurplusMonth[], prices: SurplusPrices): QuarterSurplus {
  if (months.length === 0) return { accelerators: 0, h100e: dec(0), ah: dec(0), valueSpot: null, valueOnDemand: null };
  const least = (pick: (m: SurplusMonth) => Dec) => Dec.max(0, Dec.min(...months.map(pick)));
  const accelerators = least((m) => m.surplus)
    .floor()
    .toNumber();
  const hours = months.reduce((s, m) => s.plus(hoursIn(m.month)), dec(0));
  const ah = hours.times(accelerators);
  return {
    accelerators,
    h100e: least((m) => m.surplusH100e),
    ah,
    valueSpot: prices.spot ? ah.times(prices.spot) : null,
    valueOnDemand: prices.onDemand ? ah.times(prices.onDemand) : null,
  };
}

export type ExternalMonth = { revenue: Dec | null; cost: Dec; margin: Dec | null; marginPct: Dec | null };

/**
 * An external workload in a month: revenue = allocated accelerator-hours × sale price (in the reporting currency;
 * null when the price's currency has no rate), its own allocated cost, margin = revenue − cost and margin ÷ revenue.
 */
export function externalMonth(input: { allocatedAh: DecimalValue; salePriceUsd: Dec | null; cost: DecimalValue }): ExternalMonth {
  const cost = dec(input.cost);
  if (!input.salePriceUsd) return { revenue: null, cost, margin: null, marginPct: null };
  const revenue = dec(input.allocatedAh).times(input.salePriceUsd);
  const margin = revenue.minus(cost);
  return { revenue, cost, margin, marginPct: revenue.isZero() ? null : margin.div(revenue).times(100) };
}
