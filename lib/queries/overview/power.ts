import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { parseUtc, utcMonths } from "@/lib/metrics/calendar";
import { dec, type Dec } from "@/lib/metrics/decimal";
import type { Period } from "@/lib/metrics/period";
import {
  countOverBudgetMonths,
  headroomBySite,
  tightestHeadroom,
  type HeadroomPoint,
  type SitePower,
} from "@/lib/metrics/power-headroom";
import { dateParam, isoDate, isoTs, tsParam } from "./sql";

export const POWER_MONTHS = 12;

export type SiteHeadroomRow = {
  siteId: string;
  siteName: string;
  pue: Dec;
  monthly: HeadroomPoint[];
  tightest: HeadroomPoint;
  overBudgetMonths: number;
};
export type PowerSection = {
  months: Period[];
  sites: SiteHeadroomRow[];
  tightest: (HeadroomPoint & { siteId: string; siteName: string }) | null;
  overBudgetSiteMonths: number;
};

/** The current month from asOf, then the next 11 whole months. */
export function powerMonths(asOf: Date, count = POWER_MONTHS): Period[] {
  return utcMonths(asOf, count).map((m, i) => (i === 0 ? { from: asOf, to: m.to } : m));
}

/**
 * Sites with at least one power budget (or the one site asked for, budget or not, archived or not); load from
 * blocks not expired (planned ones included: they will draw power), over `months` months from asOf.
 */
export async function loadPower(db: Executor, asOf: Date, options: { months?: number; siteId?: string } = {}): Promise<PowerSection> {
  const months = powerMonths(asOf, options.months);
  const { siteId } = options;
  const horizonEnd = months[months.length - 1]!.to;
  const [siteRows, budgetRows, loadRows] = await Promise.all([
    queryRows<{ id: string; name: string; pue: string }>(
      db,
      sql`select s.id, s.name, s.pue::text as pue from sites s
          where ${siteId ? sql`s.id = ${siteId}` : sql`s.archived_at is null and exists (select 1 from power_budgets b where b.site_id = s.id)`}
          order by s.name`,
    ),
    queryRows<{ site_id: string; effective_from: string; effective_to: string | null; contracted_mw: string }>(
      db,
      sql`select site_id, ${isoDate("effective_from")} as effective_from, ${isoDate("effective_to")} as effective_to,
                 contracted_mw::text as contracted_mw
          from power_budgets
          where effective_from < ${dateParam(horizonEnd)} and (effective_to is null or effective_to > ${dateParam(asOf)})
            ${siteId ? sql`and site_id = ${siteId}` : sql``}`,
    ),
    queryRows<{ site_id: string; start_at: string; end_at: string; system_w: number; quantity: number }>(
      db,
      sql`select r.site_id, ${isoTs("r.start_at")} as start_at, ${isoTs("r.end_at")} as end_at, t.system_w,
                 sum(r.quantity)::int as quantity
          from reservations r join accelerator_types t on t.id = r.accelerator_type_id
          where r.archived_at is null and r.status <> 'expired'
            and r.start_at < ${tsParam(horizonEnd)} and r.end_at > ${tsParam(asOf)}
            ${siteId ? sql`and r.site_id = ${siteId}` : sql``}
          group by r.site_id, r.start_at, r.end_at, t.system_w`,
    ),
  ]);
  const sites: SitePower[] = siteRows.map((s) => ({
    siteId: s.id,
    siteName: s.name,
    pue: s.pue,
    budgets: budgetRows
      .filter((b) => b.site_id === s.id)
      .map((b) => ({
        effectiveFrom: parseUtc(b.effective_from),
        effectiveTo: b.effective_to ? parseUtc(b.effective_to) : null,
        contractedMw: b.contracted_mw,
      })),
    loads: loadRows
      .filter((l) => l.site_id === s.id)
      .map((l) => ({ quantity: l.quantity, systemW: l.system_w, startAt: parseUtc(l.start_at), endAt: parseUtc(l.end_at) })),
  }));
  const headroom = headroomBySite(sites, months);
  return {
    months,
    sites: headroom.map((h, i) => {
      const tightest = tightestHeadroom([h])!;
      return {
        siteId: h.siteId,
        siteName: h.siteName,
        pue: dec(sites[i]!.pue),
        monthly: h.monthly,
        tightest,
        overBudgetMonths: h.monthly.filter((p) => p.overBudget).length,
      };
    }),
    tightest: tightestHeadroom(headroom),
    overBudgetSiteMonths: countOverBudgetMonths(headroom),
  };
}
