import type { Dec, DecimalValue } from "./decimal";
import { contains } from "./period";
import { facilityMw, itMw, type PowerLoad } from "./power";
import type { HeadroomPoint, SiteHeadroom } from "./power-headroom";

export type LoadShare<T> = { load: T; itMw: Dec; facilityMw: Dec };

/** The loads drawing power at t (t ∈ [start, end)), each with its IT and facility MW, largest first. */
export function loadsInService<T extends PowerLoad & { name: string }>(loads: readonly T[], pue: DecimalValue, t: Date): LoadShare<T>[] {
  return loads
    .filter((l) => contains(l.startAt, l.endAt, t))
    .map((load) => {
      const it = itMw([load], t);
      return { load, itMw: it, facilityMw: facilityMw(it, pue) };
    })
    .sort((a, b) => b.facilityMw.comparedTo(a.facilityMw) || a.load.name.localeCompare(b.load.name));
}

export type FirstOver = HeadroomPoint & { siteId: string; siteName: string };

/** The site that goes over its budget first: the earliest over-budget month; on the same month the deeper deficit, then the name. */
export function firstOverBudget(sites: readonly SiteHeadroom[]): FirstOver | null {
  let best: FirstOver | null = null;
  for (const s of sites) {
    const p = s.monthly.find((m) => m.overBudget);
    if (!p) continue;
    const better =
      !best ||
      p.month.from < best.month.from ||
      (p.month.from.getTime() === best.month.from.getTime() &&
        (p.headroomMw.lessThan(best.headroomMw) || (p.headroomMw.equals(best.headroomMw) && s.siteName < best.siteName)));
    if (better) best = { ...p, siteId: s.siteId, siteName: s.siteName };
  }
  return best;
}
