import type { CapacityDemandLine } from "./capacity-demand";
import { dec, sumDec, type Dec } from "./decimal";
import type { SpendMonth } from "./monthly-spend";
import type { Period } from "./period";
import type { HeadroomPoint } from "./power-headroom";

// A scenario against the baseline. Both sides come from the same page functions (runway and gap lines, monthly
// headroom, monthly spend); these only subtract baseline from scenario. Every delta is scenario − baseline.

const monthIndex = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();

/** Months from runway a to runway b (negative: b runs out earlier); null when either never runs out in the horizon. */
export function runwayShiftMonths(a: Period | null, b: Period | null): number | null {
  if (!a || !b) return null;
  return monthIndex(b.from) - monthIndex(a.from);
}

export type RunwayMove = {
  from: Period | null;
  to: Period | null;
  /** Months later (+) or earlier (−); null when one side never runs out within the horizon. */
  shift: number | null;
  unchanged: boolean;
};

/** Where the runway moves from the baseline (`from`) to the scenario (`to`); null = no runway limit within the horizon. */
export function runwayMove(from: Period | null, to: Period | null): RunwayMove {
  const shift = runwayShiftMonths(from, to);
  return { from, to, shift, unchanged: shift === 0 || (from === null && to === null) };
}

export type GapDelta = { key: string; label: string; months: Period[]; delta: Dec[]; changed: boolean };

/**
 * Gap change per group and month (scenario gap − baseline gap, in the lines' unit): positive = more room to spare.
 * A group only one side has counts as a gap of 0 on the other (no capacity, no demand). Groups in scenario order,
 * then the baseline's others.
 */
export function gapDeltas(
  baseline: readonly CapacityDemandLine[],
  scenario: readonly CapacityDemandLine[],
  months: readonly Period[],
): GapDelta[] {
  const base = new Map(baseline.map((l) => [l.key, l]));
  const keys = [...new Set([...scenario.map((l) => l.key), ...baseline.map((l) => l.key)])];
  const scen = new Map(scenario.map((l) => [l.key, l]));
  return keys.map((key) => {
    const b = base.get(key);
    const s = scen.get(key);
    const delta = months.map((_, i) => (s?.points[i]?.gap ?? dec(0)).minus(b?.points[i]?.gap ?? dec(0)));
    return { key, label: (s ?? b)!.label, months: [...months], delta, changed: delta.some((d) => !d.isZero()) };
  });
}

type SiteMonthly = { siteId: string; siteName: string; monthly: readonly HeadroomPoint[] };

export type HeadroomDelta = {
  siteId: string;
  siteName: string;
  /** The site's lowest monthly headroom in the baseline and the scenario (null: the site has no budget on that side). */
  from: Dec | null;
  to: Dec | null;
  delta: Dec | null;
  /** Months over budget in the scenario and with less headroom than in the baseline (worse or newly over). */
  pushedOver: Period[];
  /** Of those, the months within budget in the baseline. */
  newlyOver: Period[];
};

const lowest = (points: readonly HeadroomPoint[]): Dec | null =>
  points.reduce<Dec | null>((m, p) => (m === null || p.headroomMw.lessThan(m) ? p.headroomMw : m), null);

/** Per site of either side, its lowest headroom from → to and the months the scenario pushes (further) over budget. */
export function headroomDeltas(baseline: readonly SiteMonthly[], scenario: readonly SiteMonthly[]): HeadroomDelta[] {
  const base = new Map(baseline.map((s) => [s.siteId, s]));
  const ids = [...new Set([...scenario.map((s) => s.siteId), ...baseline.map((s) => s.siteId)])];
  const scen = new Map(scenario.map((s) => [s.siteId, s]));
  return ids.map((siteId) => {
    const b = base.get(siteId);
    const s = scen.get(siteId);
    const from = b ? lowest(b.monthly) : null;
    const to = s ? lowest(s.monthly) : null;
    const pushedOver: Period[] = [];
    const newlyOver: Period[] = [];
    s?.monthly.forEach((p, i) => {
      const was = b?.monthly[i];
      if (!p.overBudget || (was && !p.headroomMw.lessThan(was.headroomMw))) return;
      pushedOver.push(p.month);
      if (!was?.overBudget) newlyOver.push(p.month);
    });
    return {
      siteId,
      siteName: (s ?? b)!.siteName,
      from,
      to,
      delta: from && to ? to.minus(from) : null,
      pushedOver,
      newlyOver,
    };
  });
}

/** Consecutive calendar months as runs: [{ first, last }] (a month's start; the input in ascending order). */
export function monthRuns(months: readonly Period[]): { first: Date; last: Date }[] {
  const runs: { first: Date; last: Date }[] = [];
  for (const m of months) {
    const run = runs[runs.length - 1];
    const start = new Date(Date.UTC(m.from.getUTCFullYear(), m.from.getUTCMonth(), 1));
    if (run && monthIndex(start) - monthIndex(run.last) === 1) run.last = start;
    else runs.push({ first: start, last: start });
  }
  return runs;
}

export type SpendDeltaMonth = { month: Period; from: Dec; to: Dec; delta: Dec; byGroup: Map<string, Dec> };
export type SpendDelta = { months: SpendDeltaMonth[]; from: Dec; to: Dec; delta: Dec; groups: string[] };

const groupTotal = (m: SpendMonth | undefined, g: string) => {
  const v = m?.byGroup.get(g);
  return v ? v.actual.plus(v.planned) : dec(0);
};

/**
 * Spend change per month and group (provider or family), month for month over the same months: scenario total −
 * baseline total. Groups that change in some month, largest absolute change over the range first.
 */
export function spendDeltas(baseline: readonly SpendMonth[], scenario: readonly SpendMonth[]): SpendDelta {
  const months = scenario.map((s, i) => {
    const b = baseline[i];
    const groups = new Set([...s.byGroup.keys(), ...(b?.byGroup.keys() ?? [])]);
    const byGroup = new Map<string, Dec>();
    for (const g of groups) {
      const d = groupTotal(s, g).minus(groupTotal(b, g));
      if (!d.isZero()) byGroup.set(g, d);
    }
    const from = b?.total ?? dec(0);
    return { month: s.month, from, to: s.total, delta: s.total.minus(from), byGroup };
  });
  const size = new Map<string, Dec>();
  for (const m of months) for (const [g, d] of m.byGroup) size.set(g, (size.get(g) ?? dec(0)).plus(d.abs()));
  const groups = [...size].sort((x, y) => y[1].comparedTo(x[1]) || x[0].localeCompare(y[0])).map(([g]) => g);
  const from = sumDec(months.map((m) => m.from));
  const to = sumDec(months.map((m) => m.to));
  return { months, from, to, delta: to.minus(from), groups };
}
