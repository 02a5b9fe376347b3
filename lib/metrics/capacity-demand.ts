import { dec, Dec, sumDec, type DecimalValue } from "./decimal";
import { hourUnit, pow10, ratio, rescale, toScaledCached } from "./exact";
import { activeHistory, forecastSeries, type ForecastMethod } from "./forecast";
import { hoursIn, type Period } from "./period";
import { runwayMonth } from "./runway";

// Capacity against demand per month (PRODUCT.md §3), in average units over the month: accelerators or H100e.
// Capacity = Σ units × hours(month ∩ [start, end)) ÷ hours(month). Demand = (forecast of the average in use
// (monthly used units·h ÷ hours of the month, so month lengths add no noise) + demand plans) × (1 + growth).

/** A block or plan already turned into the page's unit (quantity, or quantity × h100_equivalent). */
export type UnitSpan = { units: DecimalValue; startAt: Date; endAt: Date };
export type GroupBlock = UnitSpan & { group: string };
export type GroupPlan = UnitSpan & { group: string };
/** Used units·h per history month (oldest first); `complete` false for months reported less than half. */
export type GroupHistory = { group: string; months: Period[]; used: DecimalValue[]; complete?: boolean[] };

export type Band = { median: Dec; lower80: Dec; upper80: Dec; lower95: Dec; upper95: Dec };
/** forecast and planned before the scenario's growth; demand after it. */
export type CapacityDemandPoint = { month: Period; capacity: Dec; forecast: Band; planned: Dec; demand: Band; gap: Dec };
export type PastPoint = { month: Period; capacity: Dec; used: Dec };
export type CapacityDemandLine = {
  key: string;
  label: string;
  method: ForecastMethod | "sum";
  historyMonths: number;
  past: PastPoint[];
  points: CapacityDemandPoint[];
  runway: Period | null;
};

/** History months shown before the forecast on the chart. */
export const PAST_MONTHS = 12;

const ZERO_BAND = (): Band => ({ median: dec(0), lower80: dec(0), upper80: dec(0), lower95: dec(0), upper95: dec(0) });

// Plain-number terms are at most 2^51 and the running sum is moved into the BigInt once past 2^51, so it never
// exceeds 2^52 and every plain-number step is an exact integer operation (doubles are exact below 2^53).
const LIMIT = 2 ** 51;
const LIMIT_BIG = 2n ** 51n;

/**
 * Average units in service over each month, the spans' units read once: Σ units × time(month ∩ [start, end)) ÷ time(month) summed
 * exactly in integers (units scaled to a common power of ten; time in hours when every boundary falls on a whole
 * hour, else in ms — the same ratio, with terms small enough to stay plain numbers), so each month is rounded once,
 * by the final division.
 */
export function averageUnitsByMonth(spans: readonly UnitSpan[], months: readonly Period[]): Dec[] {
  const scaled = spans.map((s) => toScaledCached(s.units));
  const scale = scaled.reduce((max, u) => Math.max(max, u.scale), 0);
  const units = scaled.map((u) => rescale(u.n, u.scale, scale));
  const unit = hourUnit(months, spans);
  const starts = Float64Array.from(spans, (s) => s.startAt.getTime() / unit);
  const ends = Float64Array.from(spans, (s) => s.endAt.getTime() / unit);
  // Terms are added as plain numbers while they and the running sum stay exact integers, then moved into a BigInt;
  // NaN marks units too large for a plain number.
  const small = Float64Array.from(units, (u) => (u >= -LIMIT_BIG && u <= LIMIT_BIG ? Number(u) : NaN));
  return months.map((month) => {
    const from = month.from.getTime() / unit;
    const to = month.to.getTime() / unit;
    let sum = 0n;
    let acc = 0;
    for (let i = 0; i < small.length; i++) {
      const time = Math.min(to, ends[i]!) - Math.max(from, starts[i]!);
      if (time <= 0) continue;
      const term = small[i]! * time; // NaN for large units
      if (term <= LIMIT && term >= -LIMIT) {
        acc += term;
        if (acc > LIMIT || acc < -LIMIT) {
          sum += BigInt(acc);
          acc = 0;
        }
      } else sum += units[i]! * BigInt(time);
    }
    return ratio(sum + BigInt(acc), BigInt(to - from) * pow10(scale));
  });
}

/** Plans counted as demand: those starting in the first forecast month or later (running ones show in the history). */
export function plansAhead<T extends { startAt: Date }>(plans: readonly T[], months: readonly Period[]): T[] {
  const first = months[0]?.from;
  return first ? plans.filter((p) => p.startAt >= first) : [];
}

function mapBand(band: Band, f: (x: Dec) => Dec): Band {
  return { median: f(band.median), lower80: f(band.lower80), upper80: f(band.upper80), lower95: f(band.lower95), upper95: f(band.upper95) };
}

export function runwayOf(points: readonly CapacityDemandPoint[], pick: (b: Band) => Dec = (b) => b.median): Period | null {
  return runwayMonth(points.map((p) => ({ month: p.month, capacity: p.capacity, demand: pick(p.demand) })));
}

/** One group's line: capacity of its blocks, forecast of its history, its plans that lie ahead. */
export function capacityDemandLine(input: {
  key: string;
  label: string;
  months: readonly Period[];
  blocks: readonly UnitSpan[];
  plans: readonly UnitSpan[];
  history: GroupHistory | null;
  growthPct: DecimalValue;
}): CapacityDemandLine {
  const { months, history } = input;
  const growth = dec(1).plus(dec(input.growthPct).div(100));
  const averages = history ? history.used.map((u, i) => dec(u).div(hoursIn(history.months[i]!)).toNumber()) : [];
  const series = activeHistory(averages, history?.complete);
  const forecast = forecastSeries(series, months.length);
  const ahead = plansAhead(input.plans, months);
  const capacities = averageUnitsByMonth(input.blocks, months);
  const plannedByMonth = averageUnitsByMonth(ahead, months);
  const points = months.map((month, i) => {
    const p = forecast.points[i]!;
    const band: Band = {
      median: new Dec(p.median),
      lower80: new Dec(p.lower80),
      upper80: new Dec(p.upper80),
      lower95: new Dec(p.lower95),
      upper95: new Dec(p.upper95),
    };
    const capacity = capacities[i]!;
    const planned = plannedByMonth[i]!;
    const demand = mapBand(band, (x) => x.plus(planned).times(growth));
    return { month, capacity, forecast: band, planned, demand, gap: capacity.minus(demand.median) };
  });
  const shown = history ? history.months.length - Math.min(PAST_MONTHS, history.months.length) : 0;
  const pastMonths = (history?.months ?? []).slice(shown);
  const pastCapacity = averageUnitsByMonth(input.blocks, pastMonths);
  const past = pastMonths.map((month, i) => ({
    month,
    capacity: pastCapacity[i]!,
    used: dec(history!.used[shown + i]).div(hoursIn(month)),
  }));
  return {
    key: input.key,
    label: input.label,
    method: forecast.method,
    historyMonths: series.length,
    past,
    points,
    runway: runwayOf(points),
  };
}

/**
 * The sum of lines: capacities, medians and plans add (exactly); the bands' half-widths (forecast and demand alike)
 * combine as √Σ(half-width²) in float64, i.e. the groups' forecast errors taken as independent.
 */
export function sumLines(key: string, label: string, lines: readonly CapacityDemandLine[], months: readonly Period[]): CapacityDemandLine {
  const combine = (parts: readonly Band[]): Band => {
    const median = sumDec(parts.map((b) => b.median));
    // The half-widths are forecast statistics (float64 estimates, lib/metrics/forecast.ts): combined in float64 too.
    const spread = (pick: (b: Band) => Dec) => new Dec(Math.sqrt(parts.reduce((sum, b) => sum + pick(b).toNumber() ** 2, 0)));
    const floor = (x: Dec) => Dec.max(0, x);
    return {
      median,
      lower80: floor(median.minus(spread((b) => b.median.minus(b.lower80)))),
      upper80: median.plus(spread((b) => b.upper80.minus(b.median))),
      lower95: floor(median.minus(spread((b) => b.median.minus(b.lower95)))),
      upper95: median.plus(spread((b) => b.upper95.minus(b.median))),
    };
  };
  const points = months.map((month, i) => {
    const at = lines.map((l) => l.points[i]!);
    const forecast = at.length ? combine(at.map((p) => p.forecast)) : ZERO_BAND();
    const demand = at.length ? combine(at.map((p) => p.demand)) : ZERO_BAND();
    const capacity = sumDec(at.map((p) => p.capacity));
    const planned = sumDec(at.map((p) => p.planned));
    return { month, capacity, forecast, planned, demand, gap: capacity.minus(demand.median) };
  });
  const pastMonths = lines.find((l) => l.past.length)?.past.map((p) => p.month) ?? [];
  const past = pastMonths.map((month, i) => ({
    month,
    capacity: sumDec(lines.map((l) => l.past[i]?.capacity ?? 0)),
    used: sumDec(lines.map((l) => l.past[i]?.used ?? 0)),
  }));
  return {
    key,
    label,
    method: "sum",
    historyMonths: Math.max(0, ...lines.map((l) => l.historyMonths)),
    past,
    points,
    runway: runwayOf(points),
  };
}

/** Lines per group: every group that has a block, a plan or history. */
export function capacityDemandLines(input: {
  months: readonly Period[];
  labels: ReadonlyMap<string, string>;
  blocks: readonly GroupBlock[];
  plans: readonly GroupPlan[];
  history: readonly GroupHistory[];
  growthPct: DecimalValue;
}): CapacityDemandLine[] {
  const keys = new Set([...input.blocks.map((b) => b.group), ...input.plans.map((p) => p.group), ...input.history.map((h) => h.group)]);
  return [...keys]
    .map((key) =>
      capacityDemandLine({
        key,
        label: input.labels.get(key) ?? key,
        months: input.months,
        blocks: input.blocks.filter((b) => b.group === key),
        plans: input.plans.filter((p) => p.group === key),
        history: input.history.find((h) => h.group === key) ?? null,
        growthPct: input.growthPct,
      }),
    )
    .sort((a, b) => b.points[0]!.capacity.comparedTo(a.points[0]!.capacity) || a.label.localeCompare(b.label));
}
