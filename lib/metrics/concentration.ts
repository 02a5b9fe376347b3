import { dec, Dec, type DecimalValue } from "./decimal";
import { pow10, ratio, rescale, toScaledCached } from "./exact";
import type { Period } from "./period";
import { runwayMonth } from "./runway";

export type Dimension = "provider" | "vendor" | "site";
export const DIMENSIONS: readonly Dimension[] = ["provider", "vendor", "site"];

export type Share = { key: string; label: string; h100e: Dec; share: Dec };

/**
 * Capacity grouped by key (the same key summed), each with its share of the total (0–1), largest first. The sums
 * are exact integers (the values scaled to one power of ten), each group's becoming one Dec.
 */
export function capacityShares(items: readonly { key: string; label: string; h100e: DecimalValue }[]): Share[] {
  const scaled = items.map((item) => toScaledCached(item.h100e));
  const scale = scaled.reduce((max, v) => Math.max(max, v.scale), 0);
  const sums = new Map<string, { key: string; label: string; n: bigint }>();
  items.forEach((item, i) => {
    let g = sums.get(item.key);
    if (!g) sums.set(item.key, (g = { key: item.key, label: item.label, n: 0n }));
    g.n += rescale(scaled[i]!.n, scaled[i]!.scale, scale);
  });
  const groups = [...sums.values()].map((g) => ({ key: g.key, label: g.label, h100e: ratio(g.n, pow10(scale)) }));
  const total = ratio(
    [...sums.values()].reduce((sum, g) => sum + g.n, 0n),
    pow10(scale),
  );
  return groups
    .filter((g) => !g.h100e.isZero())
    .map((g) => ({ ...g, share: total.isZero() ? new Dec(0) : g.h100e.div(total) }))
    .sort((a, b) => b.h100e.comparedTo(a.h100e) || a.label.localeCompare(b.label));
}

/** Herfindahl–Hirschman index = Σ share² × 10,000 (shares as fractions): 10,000 for a single supplier. */
export function herfindahl(shares: readonly { share: DecimalValue }[]): Dec {
  return shares.reduce((sum, s) => sum.plus(dec(s.share).pow(2)), new Dec(0)).times(10_000);
}

export type HhiReading = "unconcentrated" | "moderate" | "high";

/** The 2010 US DOJ/FTC Horizontal Merger Guidelines bands: below 1,500 unconcentrated, 1,500–2,500 moderate, above 2,500 high. */
export function hhiReading(hhi: DecimalValue): HhiReading {
  const h = dec(hhi);
  if (h.lessThan(1500)) return "unconcentrated";
  if (h.lessThanOrEqualTo(2500)) return "moderate";
  return "high";
}

export type Dependency = Share & { dimension: Dimension };

/** The single provider, vendor or site holding the largest share; ties go to provider, then vendor, then site. */
export function largestDependency(byDimension: Readonly<Record<Dimension, readonly Share[]>>): Dependency | null {
  let best: Dependency | null = null;
  for (const dimension of DIMENSIONS) {
    const top = byDimension[dimension][0];
    if (top && (!best || top.share.greaterThan(best.share))) best = { ...top, dimension };
  }
  return best;
}

export type LossMember = { dimension: Dimension; key: string; label: string; h100eNow: DecimalValue; series: readonly DecimalValue[] };

export type LossOfOneInput = {
  months: readonly Period[];
  /** Capacity now, all blocks (H100e). */
  totalNow: DecimalValue;
  /** Capacity per month, all blocks, in the demand's unit (H100e·h). */
  capacity: readonly DecimalValue[];
  demand: readonly DecimalValue[];
  members: readonly LossMember[];
};

export type LossRow = {
  dimension: Dimension;
  key: string;
  label: string;
  lost: Dec;
  capacityLeft: Dec;
  shareLeft: Dec;
  runwayLeft: Period | null;
};

export type LossOfOne = { runway: Period | null; rows: LossRow[] };

/**
 * Loss of one: for each provider, vendor or site X, capacity left now = total − X's, and runway left = the first
 * month whose demand exceeds capacity − X's capacity in that month (null: not within the months given).
 */
export function lossOfOne(input: LossOfOneInput): LossOfOne {
  const { months, capacity, demand } = input;
  const total = dec(input.totalNow);
  const runwayWithout = (series: readonly DecimalValue[] | null) =>
    runwayMonth(
      months.map((month, i) => ({
        month,
        capacity: dec(capacity[i]).minus(series ? dec(series[i]) : 0),
        demand: dec(demand[i]),
      })),
    );
  const rows = input.members.map((m) => {
    const capacityLeft = total.minus(m.h100eNow);
    return {
      dimension: m.dimension,
      key: m.key,
      label: m.label,
      lost: dec(m.h100eNow),
      capacityLeft,
      shareLeft: total.isZero() ? new Dec(0) : capacityLeft.div(total),
      runwayLeft: runwayWithout(m.series),
    };
  });
  return { runway: runwayWithout(null), rows };
}
