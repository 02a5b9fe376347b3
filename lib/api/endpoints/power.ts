import { z } from "zod";
import type { Ctx } from "@/lib/auth/context";
import { pageClock } from "@/lib/cache/read";
import type { HeadroomPoint } from "@/lib/metrics/power-headroom";
import { getPowerPage, POWER_DEFAULTS, type PowerPage } from "@/lib/queries/power";
import { planningFiltersOf, planningQuery } from "../filters";
import { DecimalString, Instant, Month, decimal, instant, month } from "../json";
import { checkQuery } from "../query";

export const PowerQuery = planningQuery(["range", "from", "to", "scenario", "provider", "site"]);

const Point = z.object({
  month: Month,
  at: Instant.meta({ description: "The instant of the month's lowest headroom." }),
  budgetMw: DecimalString,
  itMw: DecimalString,
  facilityMw: DecimalString,
  headroomMw: DecimalString,
  overBudget: z.boolean(),
});

export const PowerResponse = z.object({
  asOf: Instant,
  months: z.array(Month),
  sites: z.array(
    z.object({
      siteId: z.string(),
      siteName: z.string(),
      providerName: z.string(),
      pue: DecimalString,
      overBudgetMonths: z.number().int(),
      tightest: Point.nullable(),
      firstOver: Point.nullable(),
      monthly: z.array(Point).meta({ description: "Per month: budget vs projected IT and facility load at its tightest instant." }),
    }),
  ),
  unbudgeted: z.array(z.object({ siteId: z.string(), siteName: z.string(), peakFacilityMw: DecimalString, monthly: z.array(Point) })),
});
export type PowerJson = z.infer<typeof PowerResponse>;

const point = (p: HeadroomPoint): z.infer<typeof Point> => ({
  month: month(p.month),
  at: instant(p.at),
  budgetMw: decimal(p.budgetMw),
  itMw: decimal(p.itMw),
  facilityMw: decimal(p.facilityMw),
  headroomMw: decimal(p.headroomMw),
  overBudget: p.overBudget,
});

export function powerJson(page: PowerPage): PowerJson {
  return {
    asOf: instant(page.asOf),
    months: page.months.map(month),
    sites: page.sites.map((s) => ({
      siteId: s.siteId,
      siteName: s.siteName,
      providerName: s.providerName,
      pue: decimal(s.pue),
      overBudgetMonths: s.overBudgetMonths,
      tightest: s.tightest ? point(s.tightest) : null,
      firstOver: s.firstOver ? point(s.firstOver) : null,
      monthly: s.monthly.map(point),
    })),
    unbudgeted: page.unbudgeted.map((u) => ({
      siteId: u.siteId,
      siteName: u.siteName,
      peakFacilityMw: decimal(u.peakFacilityMw),
      monthly: u.monthly.map(point),
    })),
  };
}

/** Power per site and month: getPowerPage with /power's filters (24 months from this one by default). */
export async function readPower(ctx: Ctx, url: URL): Promise<PowerJson> {
  const asOf = pageClock();
  const filters = planningFiltersOf(checkQuery(url, PowerQuery), { now: asOf, defaults: POWER_DEFAULTS });
  return powerJson(await getPowerPage(ctx, filters, null, asOf));
}
