import { MAD_TO_SIGMA, mad, median } from "./anomaly-stats";
import { sumDec, type Dec } from "./decimal";

// Commitment-aware anomaly detection (PRODUCT §3 "anomalies"). A daily series is the sum of lines, each with its own
// expectation: a reserved block's charges are expected to equal its planned cost that day (capacity_AH × rate) from
// its first day; an on-demand or spot block's charges its recent use × rate (median used_AH of the last 7 days, so a
// block suddenly at 3× its use stands out); the rest a seasonal baseline of its total (median and MAD of the same
// weekday over the last 8 weeks, at least 2 such days). A day is an anomaly when |actual − expected| > k × σ (σ =
// 1.4826 × MAD, never below madFloorPct × expected) and above both the $ floor and the % floor. A deviation that
// persists persistDays days in the same direction is a level shift: it alarms once, then every expectation restarts
// from the shift's first day (rest: its days since the shift until 2 same weekdays exist; blocks: plus the median of
// their own bias since the shift).

export type LineKind = "reserved" | "usage" | "seasonal";

export type SeriesLine = {
  key: string;
  label: string;
  kind: LineKind;
  /** Per day of the series; a missing charge is 0. */
  actual: readonly Dec[];
  /** reserved: planned cost per day (capacity_AH × rate). */
  planned?: readonly number[];
  /** usage: used_AH per day, null where the block reported no use. */
  usedAh?: readonly (number | null)[];
  /** usage: the block's rate per AH. */
  rate?: number;
};

export type SeriesInput = {
  /** ISO days, consecutive. */
  days: readonly string[];
  /** Days that have data (billed through, measured); the others get no verdict and stay out of every history. */
  known: readonly boolean[];
  lines: readonly SeriesLine[];
};

export type AnomalyOptions = {
  k: number;
  minAbs: number;
  minPct: number;
  madFloorPct: number;
  weeks: number;
  minSameWeekday: number;
  usageDays: number;
  persistDays: number;
  topDrivers: number;
};

/** Money series: k = 4, $25 and 10 % floors, σ at least 2.5 % of expected (see README "Anomaly detection"). */
export const COST_ANOMALY_DEFAULTS: AnomalyOptions = {
  k: 4,
  minAbs: 25,
  minPct: 0.1,
  madFloorPct: 0.025,
  weeks: 8,
  minSameWeekday: 2,
  usageDays: 7,
  persistDays: 3,
  topDrivers: 3,
};

/** Daily utilization of a block (a ratio): floors of 10 points and 15 %. */
export const UTILIZATION_ANOMALY_DEFAULTS: AnomalyOptions = { ...COST_ANOMALY_DEFAULTS, minAbs: 0.1, minPct: 0.15, madFloorPct: 0.02 };

export type Driver = { key: string; label: string; kind: LineKind; actual: number; expected: number; delta: number };

export type DayVerdict = {
  day: string;
  actual: Dec;
  expected: number;
  threshold: number;
  delta: number;
  /** delta ÷ expected; null when nothing was expected. */
  pct: number | null;
  anomaly: boolean;
  /** The day continues an alarm already raised (same direction, the next day): not raised again. */
  continuation: boolean;
  /** Which expectations made the figure, e.g. ["reserved", "seasonal"]. */
  basis: LineKind[];
  /** Parts with too little history, taken at their actual (not judged). */
  unjudged: LineKind[];
  drivers: Driver[];
};

type Part = { expected: number; sigma: number; judged: boolean };

const num = (d: Dec) => d.toNumber();

function knownIn(s: SeriesInput, from: number, to: number): number[] {
  const out: number[] = [];
  for (let d = Math.max(0, from); d < to; d++) if (s.known[d]) out.push(d);
  return out;
}

function bias(line: SeriesLine, model: (d: number) => number | null, days: number[]): number {
  const residuals = days.flatMap((d) => {
    const m = model(d);
    return m === null ? [] : [num(line.actual[d]!) - m];
  });
  return median(residuals) ?? 0;
}

function reservedPart(s: SeriesInput, line: SeriesLine, t: number, restart: number): Part {
  const planned = (d: number) => line.planned?.[d] ?? 0;
  const offset = restart > 0 ? bias(line, planned, knownIn(s, restart, t)) : 0;
  return { expected: planned(t) + offset, sigma: 0, judged: true };
}

function usagePart(s: SeriesInput, line: SeriesLine, t: number, restart: number, o: AnomalyOptions): Part {
  const rate = line.rate ?? 0;
  const recent = knownIn(s, Math.max(restart, t - o.usageDays), t);
  const used = recent.flatMap((d) => (line.usedAh?.[d] == null ? [] : [line.usedAh[d]]));
  const m = median(used);
  if (m === null) {
    const today = line.usedAh?.[t];
    if (today != null) return { expected: today * rate, sigma: 0, judged: true };
    const costs = recent.map((d) => num(line.actual[d]!));
    const c = median(costs);
    return c === null
      ? { expected: num(line.actual[t]!), sigma: 0, judged: false }
      : { expected: c, sigma: MAD_TO_SIGMA * mad(costs), judged: true };
  }
  const model = (d: number) => {
    const ds = knownIn(s, Math.max(restart, d - o.usageDays), d).flatMap((x) => (line.usedAh?.[x] == null ? [] : [line.usedAh[x]]));
    const md = median(ds);
    return md === null ? null : md * rate;
  };
  const offset = restart > 0 ? bias(line, model, knownIn(s, restart, t)) : 0;
  return { expected: m * rate + offset, sigma: MAD_TO_SIGMA * mad(used) * rate, judged: true };
}

/** Same weekday over the last `weeks` weeks (since the restart and the rest's first charge); after a restart, before 2 such days, every day since. */
function seasonalValues(
  s: SeriesInput,
  values: readonly number[],
  t: number,
  from: number,
  restart: number,
  o: AnomalyOptions,
): number[] | null {
  const same: number[] = [];
  for (let w = 1; w <= o.weeks; w++) {
    const d = t - 7 * w;
    if (d < Math.max(from, restart)) break;
    if (s.known[d]) same.push(values[d]!);
  }
  if (same.length >= o.minSameWeekday) return same;
  if (restart > 0) {
    const since = knownIn(s, Math.max(from, restart), t).map((d) => values[d]!);
    if (since.length >= o.persistDays) return since;
  }
  return null;
}

function seasonalPart(s: SeriesInput, rest: readonly number[], first: number, t: number, restart: number, o: AnomalyOptions): Part {
  const values = seasonalValues(s, rest, t, first, restart, o);
  if (values === null) return { expected: rest[t]!, sigma: 0, judged: false };
  return { expected: median(values)!, sigma: MAD_TO_SIGMA * mad(values), judged: true };
}

function lineExpected(s: SeriesInput, line: SeriesLine, t: number, restart: number, o: AnomalyOptions): Part {
  if (line.kind === "reserved") return reservedPart(s, line, t, restart);
  if (line.kind === "usage") return usagePart(s, line, t, restart, o);
  const values = line.actual.map(num);
  const first = values.findIndex((v, d) => v !== 0 && s.known[d]);
  return seasonalPart(s, values, first < 0 ? t : first, t, restart, o);
}

// run: consecutive days beyond the $ and % floors in one direction; persistDays of them make a level shift, whose
// first day becomes the restart. A run alarms once (its first day beyond k × σ); later days of it are continuations.
type DayState = { restart: number; run: { start: number; last: number; count: number; sign: number; alarmed: boolean } | null };

function track(state: DayState, t: number, delta: number, beyondFloors: boolean, beyond: boolean, o: AnomalyOptions): void {
  const sign = Math.sign(delta);
  if (!beyondFloors) {
    state.run = null;
    return;
  }
  const run = state.run;
  if (run && run.sign === sign && run.last === t - 1) {
    run.last = t;
    run.count += 1;
    run.alarmed ||= beyond;
  } else state.run = { start: t, last: t, count: 1, sign, alarmed: beyond };
  if (state.run!.count >= o.persistDays) {
    state.restart = state.run!.start;
    state.run = null;
  }
}

function judgeDay(
  s: SeriesInput,
  t: number,
  rest: readonly number[],
  restFirst: number,
  state: DayState,
  o: AnomalyOptions,
): DayVerdict | null {
  const parts: (Part & { kind: LineKind })[] = [];
  for (const line of s.lines) if (line.kind !== "seasonal") parts.push({ kind: line.kind, ...lineExpected(s, line, t, state.restart, o) });
  const hasRest = s.lines.some((l) => l.kind === "seasonal") && restFirst >= 0 && restFirst <= t;
  if (hasRest) parts.push({ kind: "seasonal", ...seasonalPart(s, rest, restFirst, t, state.restart, o) });
  if (!parts.some((p) => p.judged)) return null;
  const actual = sumDec(s.lines.map((l) => l.actual[t]!));
  const expected = parts.reduce((a, p) => a + p.expected, 0);
  const sigma = Math.sqrt(parts.reduce((a, p) => a + p.sigma * p.sigma, 0));
  const threshold = Math.max(o.k * Math.max(sigma, o.madFloorPct * Math.abs(expected)), o.minAbs, o.minPct * Math.abs(expected));
  const delta = num(actual) - expected;
  const beyond = Math.abs(delta) > threshold;
  const restart = state.restart;
  const continuation = beyond && state.run?.alarmed === true && Math.sign(delta) === state.run.sign && state.run.last === t - 1;
  track(state, t, delta, Math.abs(delta) > Math.max(o.minAbs, o.minPct * Math.abs(expected)), beyond, o);
  const basis = [...new Set(parts.filter((p) => p.judged).map((p) => p.kind))];
  const unjudged = [...new Set(parts.filter((p) => !p.judged).map((p) => p.kind))];
  return {
    day: s.days[t]!,
    actual,
    expected,
    threshold,
    delta,
    pct: expected === 0 ? null : delta / expected,
    anomaly: beyond && !continuation,
    continuation,
    basis,
    unjudged,
    drivers: beyond && !continuation ? drivers(s, t, restart, o) : [],
  };
}

function drivers(s: SeriesInput, t: number, restart: number, o: AnomalyOptions): Driver[] {
  return s.lines
    .map((line) => {
      const e = lineExpected(s, line, t, restart, o).expected;
      const actual = num(line.actual[t]!);
      return { key: line.key, label: line.label, kind: line.kind, actual, expected: e, delta: actual - e };
    })
    .filter((d) => d.delta !== 0)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.key.localeCompare(b.key))
    .slice(0, o.topDrivers);
}

/** One verdict per known day from `from` (an index into days) on; the days before only build the state (restarts, open alarms). */
export function detectSeries(s: SeriesInput, options: Partial<AnomalyOptions> = {}, from = 0): (DayVerdict | null)[] {
  const o = { ...COST_ANOMALY_DEFAULTS, ...options };
  const restLines = s.lines.filter((l) => l.kind === "seasonal");
  const rest = s.days.map((_, d) => restLines.reduce((a, l) => a + num(l.actual[d]!), 0));
  const restFirst = rest.findIndex((v, d) => v !== 0 && s.known[d]);
  const state: DayState = { restart: 0, run: null };
  const out: (DayVerdict | null)[] = [];
  for (let t = 0; t < s.days.length; t++) {
    const v = s.known[t] ? judgeDay(s, t, rest, restFirst, state, o) : null;
    if (!s.known[t]) state.run = null;
    if (t >= from) out.push(v);
  }
  return out;
}
