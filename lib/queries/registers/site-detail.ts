import { and, asc, desc, eq, sql } from "drizzle-orm";
import { acceleratorTypes, auditLog, powerBudgets, providers, reservations, sites } from "@/lib/db/schema";
import { diffSnapshots } from "@/lib/audit/diff";
import type { HistoryEntry } from "@/lib/queries/history";
import { loadPower } from "@/lib/queries/overview/power";
import { requirePermission, type Ctx } from "@/lib/services/context";
import { isUuid } from "./uuid";

export const SITE_POWER_MONTHS = 24;
export const SITE_RESERVATIONS_LIMIT = 500;

/** One site: its provider, budget ramp, reservations, and projected facility load vs budget over 24 months. */
export async function getSiteDetail(ctx: Ctx, id: string, asOf = new Date()) {
  requirePermission(ctx, "app.read");
  if (!isUuid(id)) return null;
  const [[row], budgets, blocks, power] = await Promise.all([
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
    loadPower(ctx.db, asOf, { months: SITE_POWER_MONTHS, siteId: id }),
  ]);
  if (!row) return null;
  return { ...row.site, providerName: row.providerName, budgets, reservations: blocks, power: power.sites[0]!, months: power.months };
}

export type SiteDetail = NonNullable<Awaited<ReturnType<typeof getSiteDetail>>>;

/** The audit trail of a site's power budget steps (added, changed, removed), newest first. */
export async function powerBudgetHistory(ctx: Ctx, siteId: string, limit = 200): Promise<HistoryEntry[]> {
  requirePermission(ctx, "app.read");
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "power_budget"), sql`coalesce(${auditLog.after}->>'siteId', ${auditLog.before}->>'siteId') = ${siteId}`))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, at: new Date(r.at), actor: r.actor, action: r.action, changes: diffSnapshots(r.before, r.after) }));
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
