import { dec, Dec, type DecimalValue } from "./decimal";

/** The currency every money KPI is reported in. */
export const REPORTING_CURRENCY = "USD";

/** US dollars per unit of each other currency, by ISO code (HEADROOM_FX_RATES, parsed by lib/env.ts). */
export type FxRates = Readonly<Record<string, string>>;

/** How many items of each currency a figure left out for want of a rate, largest count first. */
export type Unconverted = { currency: string; count: number }[];

/**
 * An amount in US dollars: itself when in USD, amount × the currency's rate (USD per unit) when one is configured,
 * null when none is (the caller leaves the amount out and says so). Exact: one decimal multiplication, never a float.
 */
export function toUsd(amount: DecimalValue, currency: string, rates: FxRates): Dec | null {
  if (currency === REPORTING_CURRENCY) return dec(amount);
  const rate = rates[currency];
  return rate === undefined ? null : dec(amount).times(rate);
}

/** The currencies of these items that have no rate, with how many items each (largest first, then by code). */
export function unconverted(items: Iterable<{ currency: string; count?: number }>, rates: FxRates): Unconverted {
  const counts = new Map<string, number>();
  for (const i of items) {
    if (i.currency === REPORTING_CURRENCY || rates[i.currency] !== undefined) continue;
    counts.set(i.currency, (counts.get(i.currency) ?? 0) + (i.count ?? 1));
  }
  return [...counts]
    .map(([currency, count]) => ({ currency, count }))
    .sort((a, b) => b.count - a.count || a.currency.localeCompare(b.currency));
}

/** Σ amount in US dollars over the items that convert, and those that do not (PRODUCT.md: money KPIs are in USD). */
export function sumUsd(
  items: readonly { amount: DecimalValue; currency: string; count?: number }[],
  rates: FxRates,
): { total: Dec; unconverted: Unconverted } {
  let total = new Dec(0);
  for (const i of items) {
    const usd = toUsd(i.amount, i.currency, rates);
    if (usd) total = total.plus(usd);
  }
  return { total, unconverted: unconverted(items, rates) };
}

/**
 * Blocks priced in US dollars: a block in another currency with a rate gets rate × fx and currency USD (its planned
 * cost and idle cost are then the USD ones, since both are linear in the rate); one without a rate is returned as it
 * is, so the metrics that price only `currency` blocks leave it out — `unconverted` counts those.
 */
export function blocksInUsd<T extends { rate: string; currency: string }>(
  blocks: readonly T[],
  rates: FxRates,
): { blocks: T[]; unconverted: Unconverted } {
  return {
    blocks: blocks.map((b) => {
      if (b.currency === REPORTING_CURRENCY) return b;
      const usd = toUsd(b.rate, b.currency, rates);
      return usd ? { ...b, rate: usd.toFixed(), currency: REPORTING_CURRENCY } : b;
    }),
    unconverted: unconverted(blocks, rates),
  };
}
