import { and, asc, desc, eq, sql } from "drizzle-orm";
import { acceleratorTypes, auditLog, powerBudgets, providers, reservations, sites } from "@/lib/db/schema";
import { historyEntries, type HistoryEntry } from "@/lib/queries/lists/history";
import { parseMonth, parsePlanningFilters, planningQuery } from "@/lib/queries/filters/params";
import { isoDay } from "@/lib/metrics/calendar";
import type { Dec } from "@/lib/metrics/decimal";
import type { Period } from "@/lib/metrics/period";
import type { HeadroomPoint } from "@/lib/metrics/power-headroom";
import { getPowerPage, POWER_DEFAULTS, type PowerCauses, type PowerSite } from "@/lib/queries/power";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { isUuid } from "@/lib/db/uuid";

export const SITE_RESERVATIONS_LIMIT = 500;

/**
 * The site's row of /power (baseline, default range, narrowed to the site): the same buildPowerPage, so both pages
 * show the same numbers. `site` is null when /power does not rank the site: no power budget (then `unbudgeted`
 * holds its load against 0 MW, as /power lists it) or archived (not in the planning model at all).
 */
export type SitePowerView = {
  months: Period[];
  site: PowerSite | null;
  unbudgeted: { peakFacilityMw: Dec; monthly: HeadroomPoint[] } | null;
  /** The blocks drawing power in the month asked for (default: the site's first over-budget month). */
  causes: PowerCauses | null;
  /** The same view on /power (its causes month included). */
  powerHref: string;
};

/**
 * One site: its provider, budget ramp, reservations, and its projected IT and facility load vs budget over /power's
 * default 24 months, with the blocks drawing power in `month` (YYYY-MM; default the first over-budget month).
 */
export async function getSiteDetail(ctx: Ctx, id: string, asOf = new Date(), month: string | null = null) {
  requirePermission(ctx, "app.read");
  if (!isUuid(id)) return null;
  const filters = parsePlanningFilters({ site: id }, { now: asOf, defaults: POWER_DEFAULTS });
  const pickedMonth = parseMonth(month ?? undefined);
  const picked = pickedMonth ? `${id}:${isoDay(pickedMonth).slice(0, 7)}` : null;
  const [[row], budgets, blocks, page] = await Promise.all([
    ctx.db
      .select({ site: sites, providerName: providers.name })
      .from(sites)
      .innerJoin(providers, eq(providers.id, sites.providerId))
      .where(eq(sites.id, id)),
    ctx.db.select().from(powerBudgets).where(eq(powerBudgets.siteId, id)).orderBy(asc(powerBudgets.effectiveFrom)),
    ctx.db
      .select({
        id: reservations.id,
        name: reservations.name,
        providerName: providers.name,
        typeName: acceleratorTypes.name,
        systemW: acceleratorTypes.systemW,
        quantity: reservations.quantity,
        startAt: reservations.startAt,
        endAt: reservations.endAt,
        status: reservations.status,
        archivedAt: reservations.archivedAt,
      })
      .from(reservations)
      .innerJoin(providers, eq(providers.id, reservations.providerId))
      .innerJoin(acceleratorTypes, eq(acceleratorTypes.id, reservations.acceleratorTypeId))
      .where(eq(reservations.siteId, id))
      .orderBy(asc(reservations.startAt), asc(reservations.name))
      .limit(SITE_RESERVATIONS_LIMIT),
    getPowerPage(ctx, filters, picked, asOf),
  ]);
  if (!row) return null;
  const unbudgeted = page.unbudgeted.find((s) => s.siteId === id);
  const causes = page.causes?.siteId === id ? page.causes : null;
  const power: SitePowerView = {
    months: page.months,
    site: page.sites.find((s) => s.siteId === id) ?? null,
    unbudgeted: unbudgeted ? { peakFacilityMw: unbudgeted.peakFacilityMw, monthly: unbudgeted.monthly } : null,
    causes,
    powerHref: `/power${planningQuery(filters, {}, { cause: picked }, POWER_DEFAULTS)}${causes ? "#causes" : ""}`,
  };
  return { ...row.site, providerName: row.providerName, budgets, reservations: blocks, power };
}

/** The audit trail of a site's power budget steps (added, changed, removed), newest first. */
export async function powerBudgetHistory(ctx: Ctx, siteId: string, limit = 200): Promise<HistoryEntry[]> {
  requirePermission(ctx, "app.read");
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(
      and(eq(auditLog.entityType, "power_budget"), sql`coalesce(${auditLog.after}->>'siteId', ${auditLog.before}->>'siteId') = ${siteId}`),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return historyEntries(ctx.db, rows);
}

/** The site row with its provider's name, for the edit form. */
export async function getSiteRecord(ctx: Ctx, id: string) {
  requirePermission(ctx, "app.read");
  if (!isUuid(id)) return null;
  const [row] = await ctx.db
    .select({ site: sites, providerName: providers.name })
    .from(sites)
    .innerJoin(providers, eq(providers.id, sites.providerId))
    .where(eq(sites.id, id));
  return row ? { ...row.site, providerName: row.providerName } : null;
}
