import { dec, type Dec, type DecimalValue } from "./decimal";
import { HOURS_PER_YEAR, medianRate } from "./lease-vs-build";

type Model = "reserved" | "on_demand" | "spot" | "owned";

/**
 * Which list prices a block's rate is set against: a spot block against spot list prices (interruptible capacity);
 * a reserved or on-demand block against the on-demand and committed-use (reserved) list prices. Owned offers are
 * never a market price.
 */
export function comparableListModel(blockModel: Model, listModel: Model): boolean {
  if (listModel === "owned" || blockModel === "owned") return false;
  return blockModel === "spot" ? listModel === "spot" : listModel !== "spot";
}

export type MarketComparison = {
  /** How many list prices the market has. */
  count: number;
  lowest: Dec;
  median: Dec;
  /** Percentile rank of the rate among the list prices, 0–100: (prices below + ½ × prices equal) ÷ count × 100. */
  percentile: Dec;
  /** (rate − median) × quantity × 8,760: what the block pays above the median list price in a year of full capacity (negative: below). */
  abovePerYear: Dec;
};

/** A set of list prices, sorted once so that many blocks can be set against it. */
export type Market = { sorted: readonly Dec[]; median: Dec };

/** The market of these list prices; null when there are none. */
export function marketOf(listRates: readonly DecimalValue[]): Market | null {
  const median = medianRate(listRates);
  if (median === null) return null;
  return { sorted: listRates.map((v) => dec(v)).sort((a, b) => a.comparedTo(b)), median };
}

// The number of sorted prices p with p < rate (strict) or p ≤ rate.
function countBelow(sorted: readonly Dec[], rate: Dec, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = sorted[mid]!.comparedTo(rate);
    if (c < 0 || (orEqual && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A block's rate against a market (see marketComparison). */
export function compareToMarket(market: Market, rate: DecimalValue, quantity: DecimalValue): MarketComparison {
  const r = dec(rate);
  const below = countBelow(market.sorted, r, false);
  const equal = countBelow(market.sorted, r, true) - below;
  const count = market.sorted.length;
  return {
    count,
    lowest: market.sorted[0]!,
    median: market.median,
    percentile: dec(below).plus(dec(equal).div(2)).div(count).times(100),
    abovePerYear: r.minus(market.median).times(quantity).times(HOURS_PER_YEAR),
  };
}

/** A block's rate against the list prices of the same accelerator type and currency; null when there are none. */
export function marketComparison(rate: DecimalValue, quantity: DecimalValue, listRates: readonly DecimalValue[]): MarketComparison | null {
  const market = marketOf(listRates);
  return market ? compareToMarket(market, rate, quantity) : null;
}
