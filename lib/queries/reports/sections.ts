import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import { contracts } from "@/lib/db/schema";
import type { FilterDefaults, PlanningFilters } from "@/lib/queries/filters/params";
import type { Ctx } from "@/lib/auth/context";
import type { ReportScope } from "@/lib/queries/reports/scope";
import { getContractBurndowns } from "@/lib/queries/contracts/burndown";

// What a report's sections read beyond the pages' own loaders: the same scope gives the same data to the
// rendered report and to its CSV downloads.

/** /capacity's own defaults: by family, in H100-equivalents. */
export const CAPACITY_DEFAULTS: FilterDefaults = { by: "family", unit: "h100e" };

/** The capacity section's filters: the scope's grouping and unit, else /capacity's defaults. */
export function reportCapacityFilters(scope: ReportScope, filters: PlanningFilters): PlanningFilters {
  return {
    ...filters,
    by: scope.filters.by ?? CAPACITY_DEFAULTS.by ?? filters.by,
    unit: scope.filters.unit ?? CAPACITY_DEFAULTS.unit ?? filters.unit,
  };
}

const MAX_BURNDOWNS = 12;

/** Active contracts in scope (the provider filter), soonest ending first, at most 12, with their burn-downs. */
export async function loadReportBurndowns(ctx: Ctx, filters: PlanningFilters, asOf: Date) {
  const where: SQL[] = [isNull(contracts.archivedAt), eq(contracts.status, "active")];
  if (filters.provider) where.push(eq(contracts.providerId, filters.provider));
  const terms = await ctx.db
    .select()
    .from(contracts)
    .where(and(...where))
    .orderBy(asc(contracts.endDate))
    .limit(MAX_BURNDOWNS);
  const burndowns = await getContractBurndowns(ctx, terms, asOf);
  return { terms, burndowns };
}
