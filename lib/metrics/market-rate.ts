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

/** A block's rate against the list prices of the same accelerator type and currency; null when there are none. */
export function marketComparison(rate: DecimalValue, quantity: DecimalValue, listRates: readonly DecimalValue[]): MarketComparison | null {
  const median = medianRate(listRates);
  if (median === null) return null;
  const r = dec(rate);
  const prices = listRates.map((v) => dec(v));
  const below = prices.filter((p) => p.lessThan(r)).length;
  const equal = prices.filter((p) => p.equals(r)).length;
  return {
    count: prices.length,
    lowest: prices.reduce((a, b) => (b.lessThan(a) ? b : a)),
    median,
    percentile: dec(below).plus(dec(equal).div(2)).div(prices.length).times(100),
    abovePerYear: r.minus(median).times(quantity).times(HOURS_PER_YEAR),
  };
}
