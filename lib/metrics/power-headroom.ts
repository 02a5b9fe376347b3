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
function stepsWithin(site: SitePower, month: Period): Date[] {
  const times = new Set<number>([month.from.getTime()]);
  const add = (d: Date | null) => {
    if (d && d > month.from && d < month.to) times.add(d.getTime());
  };
  for (const l of site.loads) {
    add(l.startAt);
    add(l.endAt);
  }
  for (const b of site.budgets) {
    add(b.effectiveFrom);
    add(b.effectiveTo);
  }
  return [...times].sort((a, b) => a - b).map((t) => new Date(t));
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
  return months.map((month) => {
    let worst: HeadroomPoint | null = null;
    for (const at of stepsWithin(site, month)) {
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
        (p.headroomMw.equals(best.headroomMw) &&
          (p.at < best.at || (p.at.getTime() === best.at.getTime() && s.siteName < best.siteName)));
      if (better) best = { ...p, siteId: s.siteId, siteName: s.siteName };
    }
  }
  return best;
}
