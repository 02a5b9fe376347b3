import type { Dec, DecimalValue } from "./decimal";
import type { Period } from "./period";
import { budgetMwAt, facilityMw, headroomMw, isOverBudget, itMw, type PowerBudget, type PowerLoad } from "./power";

export type SitePower = {
  siteId: string;
  siteName: string;
  pue: DecimalValue;
  budgets: readonly PowerBudget[];
  loads: readonly PowerLoad[];
};

export type HeadroomPoint = {
  month: Period;
  at: Date;
  budgetMw: Dec;
  itMw: Dec;
  facilityMw: Dec;
  headroomMw: Dec;
  overBudget: boolean;
};

// Load and budget are step functions, so the minimum over a month is reached at its start or at a step inside it.

/** Every instant (ms) at which a load or budget of the site steps, ascending, each once: gathered once per site, not per month. */
function stepTimes(site: SitePower): number[] {
  const times = new Set<number>();
  const add = (d: Date | null) => {
    const t = d ? d.getTime() : NaN;
    if (Number.isFinite(t)) times.add(t);
  };
  for (const l of site.loads) {
    add(l.startAt);
    add(l.endAt);
  }
  for (const b of site.budgets) {
    add(b.effectiveFrom);
    add(b.effectiveTo);
  }
  return [...times].sort((a, b) => a - b);
}

/** The month's start, then the steps strictly inside it, ascending (`times` from stepTimes). */
function stepsWithin(times: readonly number[], month: Period): Date[] {
  const from = month.from.getTime();
  const to = month.to.getTime();
  // First step after `from` (binary search: a site has hundreds of steps, a range dozens of months).
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= from) lo = mid + 1;
    else hi = mid;
  }
  const steps = [new Date(from)];
  for (let i = lo; i < times.length && times[i]! < to; i++) steps.push(new Date(times[i]!));
  return steps;
}

function pointAt(site: SitePower, month: Period, at: Date): HeadroomPoint {
  const it = itMw(site.loads, at);
  const facility = facilityMw(it, site.pue);
  const budget = budgetMwAt(site.budgets, at);
  const headroom = headroomMw(budget, facility);
  return { month, at, budgetMw: budget, itMw: it, facilityMw: facility, headroomMw: headroom, overBudget: isOverBudget(headroom) };
}

/** For each month, the lowest headroom reached in it (the earliest instant on ties). */
export function monthlyHeadroom(site: SitePower, months: readonly Period[]): HeadroomPoint[] {
  const times = stepTimes(site);
  return months.map((month) => {
    let worst: HeadroomPoint | null = null;
    for (const at of stepsWithin(times, month)) {
      const p = pointAt(site, month, at);
      if (!worst || p.headroomMw.lessThan(worst.headroomMw)) worst = p;
    }
    return worst!;
  });
}

export type SiteHeadroom = { siteId: string; siteName: string; monthly: HeadroomPoint[] };

export function headroomBySite(sites: readonly SitePower[], months: readonly Period[]): SiteHeadroom[] {
  return sites.map((s) => ({ siteId: s.siteId, siteName: s.siteName, monthly: monthlyHeadroom(s, months) }));
}

/** The tightest (minimum) headroom across sites and months; ties go to the earlier month, then the site name. */
export function tightestHeadroom(sites: readonly SiteHeadroom[]): (HeadroomPoint & { siteId: string; siteName: string }) | null {
  let best: (HeadroomPoint & { siteId: string; siteName: string }) | null = null;
  for (const s of sites) {
    for (const p of s.monthly) {
      const better =
        !best ||
        p.headroomMw.lessThan(best.headroomMw) ||
        (p.headroomMw.equals(best.headroomMw) && (p.at < best.at || (p.at.getTime() === best.at.getTime() && s.siteName < best.siteName)));
      if (better) best = { ...p, siteId: s.siteId, siteName: s.siteName };
    }
  }
  return best;
}
