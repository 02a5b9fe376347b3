import { presetPeriod } from "@/lib/queries/filters/params";
import type { Period } from "@/lib/metrics/period";
import type { HeadroomPoint } from "@/lib/metrics/power-headroom";
import type { PlanningModel } from "@/lib/planning/model";
import { buildPowerPage, powerPeriods, type PowerPage, type PowerSite } from "@/lib/queries/power";

export type PowerSection = {
  /** The whole months shown (/power?range=12m); the first month starts at asOf. */
  range: Period;
  page: PowerPage;
  /** The lowest headroom of any budgeted site over the range. */
  tightest: { site: PowerSite; point: HeadroomPoint } | null;
  overBudgetSiteMonths: number;
};

/** /power's buildPowerPage over the next 12 months (this month from asOf) and the tightest headroom of all its sites. */
export function buildPower(model: PlanningModel, asOf: Date): PowerSection {
  const range = presetPeriod("12m", asOf);
  const page = buildPowerPage(model, powerPeriods(range, asOf));
  let tightest: PowerSection["tightest"] = null;
  for (const site of page.sites) {
    if (site.tightest && (!tightest || site.tightest.headroomMw.lessThan(tightest.point.headroomMw)))
      tightest = { site, point: site.tightest };
  }
  return { range, page, tightest, overBudgetSiteMonths: page.sites.reduce((n, s) => n + s.overBudgetMonths, 0) };
}
