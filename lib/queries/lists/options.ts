import { asc, eq, isNull } from "drizzle-orm";
import { acceleratorTypes, contracts, providers, sites } from "@/lib/db/schema";
import { requirePermission, type Ctx } from "@/lib/auth/context";

export type Option = { value: string; label: string };

/** Choices for register filters and forms (archived catalog entries are left out). */
export async function registerOptions(ctx: Ctx) {
  requirePermission(ctx, "app.read");
  const [providerRows, siteRows, typeRows, contractRows] = await Promise.all([
    ctx.db
      .select({ id: providers.id, name: providers.name })
      .from(providers)
      .where(isNull(providers.archivedAt))
      .orderBy(asc(providers.name)),
    ctx.db
      .select({ id: sites.id, name: sites.name, providerId: sites.providerId })
      .from(sites)
      .where(isNull(sites.archivedAt))
      .orderBy(asc(sites.name)),
    ctx.db
      .select({ id: acceleratorTypes.id, name: acceleratorTypes.name, family: acceleratorTypes.family })
      .from(acceleratorTypes)
      .where(isNull(acceleratorTypes.archivedAt))
      .orderBy(asc(acceleratorTypes.name)),
    ctx.db
      .select({
        id: contracts.id,
        name: contracts.name,
        providerId: contracts.providerId,
        providerName: providers.name,
        startDate: contracts.startDate,
        endDate: contracts.endDate,
        currency: contracts.currency,
      })
      .from(contracts)
      .innerJoin(providers, eq(providers.id, contracts.providerId))
      .where(isNull(contracts.archivedAt))
      .orderBy(asc(providers.name), asc(contracts.name)),
  ]);
  return {
    providers: providerRows.map((p) => ({ value: p.id, label: p.name })),
    sites: siteRows.map((s) => ({ value: s.id, label: s.name, providerId: s.providerId })),
    types: typeRows.map((t) => ({ value: t.id, label: t.name, family: t.family })),
    families: [...new Set(typeRows.map((t) => t.family))].sort().map((f) => ({ value: f, label: f })),
    contracts: contractRows.map((c) => ({
      value: c.id,
      label: `${c.providerName} · ${c.name}`,
      providerId: c.providerId,
      startDate: c.startDate,
      endDate: c.endDate,
      currency: c.currency,
    })),
  };
}
