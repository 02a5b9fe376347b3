import { asc, eq, isNull } from "drizzle-orm";
import { acceleratorTypes, providers, scenarios, sites } from "@/lib/db/schema";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { cachedRead } from "@/lib/cache/read";

export type FilterOption = { value: string; label: string };
export type FilterOptions = {
  providers: FilterOption[];
  families: FilterOption[];
  sites: (FilterOption & { providerId: string })[];
  /** Scenarios not archived; the baseline is implied (no scenario). */
  scenarios: FilterOption[];
};

/** The choices of the FilterBar: providers, accelerator families, sites and scenarios that are not archived. */
export async function getFilterOptions(ctx: Ctx): Promise<FilterOptions> {
  requirePermission(ctx, "app.read");
  return cachedRead("filter-options", ctx.db, null, () => loadFilterOptions(ctx));
}

async function loadFilterOptions(ctx: Ctx): Promise<FilterOptions> {
  const [providerRows, familyRows, siteRows, scenarioRows] = await Promise.all([
    ctx.db
      .select({ id: providers.id, name: providers.name })
      .from(providers)
      .where(isNull(providers.archivedAt))
      .orderBy(asc(providers.name)),
    ctx.db
      .selectDistinct({ family: acceleratorTypes.family })
      .from(acceleratorTypes)
      .where(isNull(acceleratorTypes.archivedAt))
      .orderBy(asc(acceleratorTypes.family)),
    ctx.db
      .select({ id: sites.id, name: sites.name, providerId: sites.providerId })
      .from(sites)
      .innerJoin(providers, eq(providers.id, sites.providerId))
      .where(isNull(sites.archivedAt))
      .orderBy(asc(sites.name)),
    ctx.db
      .select({ id: scenarios.id, name: scenarios.name })
      .from(scenarios)
      .where(isNull(scenarios.archivedAt))
      .orderBy(asc(scenarios.name)),
  ]);
  return {
    providers: providerRows.map((p) => ({ value: p.id, label: p.name })),
    families: familyRows.map((f) => ({ value: f.family, label: f.family })),
    sites: siteRows.map((s) => ({ value: s.id, label: s.name, providerId: s.providerId })),
    scenarios: scenarioRows.map((s) => ({ value: s.id, label: s.name })),
  };
}
