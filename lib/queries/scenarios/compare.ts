import { filterMonths, type PlanningFilters } from "@/lib/queries/filters/params";
import { startOfUtcMonth } from "@/lib/metrics/calendar";
import { monthlySpend, spendByMonth } from "@/lib/metrics/monthly-spend";
import { filterModel } from "@/lib/planning/apply";
import { compareSides, type CompareRows, type ScenarioSide } from "@/lib/planning/compare";
import { loadPlanningModel } from "@/lib/planning/model";
import { isUuid } from "@/lib/db/uuid";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { loadCapacityRunway, forecastMonths } from "@/lib/queries/capacity";
import { loadBilledMonths, loadBillingGroups, loadMonthlyUsed } from "@/lib/queries/costs/billing";
import { MONEY_CURRENCY } from "@/lib/db/sql";
import { buildPowerPage, powerPeriods } from "@/lib/queries/power";
import { pageClock } from "@/lib/cache/read";

export const COMPARE_DEFAULTS = { range: "24m" } as const;

/** "baseline" (or nothing) is the baseline; anything else must be a scenario id. */
export function parseSideParam(value: string | string[] | undefined): string | null | undefined {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!v || v === "baseline") return null;
  return isUuid(v) ? v.toLowerCase() : undefined;
}

export type ScenarioComparison = {
  asOf: Date;
  runwayMonths: { from: Date; to: Date };
  a: ScenarioSide;
  b: ScenarioSide;
  rows: CompareRows;
};

/**
 * Two sides (scenario id, or null for the baseline) computed with the pages' own functions: runway per family and
 * overall from /capacity (loadCapacityRunway, its 24 forecast months), spend per month over the filter's months from
 * /costs (monthlySpend: actual where billing decides a provider-month, else planned from the side's blocks) and each
 * site's tightest headroom over the filter's months from /power (buildPowerPage). Provider, family and site filters
 * apply as on those pages (headroom ignores the family, as /power does).
 */
export async function getScenarioComparison(
  ctx: Ctx,
  params: { a: string | null; b: string | null; filters: PlanningFilters; asOf?: Date },
): Promise<ScenarioComparison> {
  requirePermission(ctx, "app.read");
  const asOf = params.asOf ?? pageClock();
  const f = params.filters;
  const months = filterMonths(f);
  const costFilters = { from: f.from, to: f.to, provider: f.provider, family: f.family, site: f.site };
  const place = { provider: f.provider, site: f.site };
  const [usedAh, billed, groups, sides] = await Promise.all([
    loadMonthlyUsed(ctx, costFilters),
    loadBilledMonths(ctx, costFilters, MONEY_CURRENCY),
    loadBillingGroups(ctx, costFilters, MONEY_CURRENCY),
    Promise.all(
      [params.a, params.b].map((scenario) =>
        Promise.all([
          loadPlanningModel(ctx, { scenarioId: scenario, filters: place, asOf }),
          loadCapacityRunway(ctx, { scenario, provider: f.provider, family: f.family, site: f.site, asOf }),
        ]),
      ),
    ),
  ]);

  const side = (key: string, [model, runway]: (typeof sides)[number]): ScenarioSide => {
    const cells = monthlySpend({
      months,
      blocks: filterModel(model, { family: f.family }).blocks,
      usedAh,
      actual: groups,
      billed,
      usageThrough: startOfUtcMonth(asOf),
      currency: MONEY_CURRENCY,
    });
    const power = buildPowerPage(model, powerPeriods(f, asOf));
    return {
      key,
      label: model.scenario?.name ?? "Baseline",
      scenario: model.scenario,
      warnings: model.warnings,
      runway: { overall: runway.overall.runway, byFamily: runway.byFamily.map((x) => ({ family: x.family, runway: x.line.runway })) },
      spend: spendByMonth(months, cells, "provider").map((m) => ({ month: m.month, actual: m.actual, planned: m.planned, total: m.total })),
      headroom: power.sites.map((s) => ({
        siteId: s.siteId,
        siteName: s.siteName,
        pue: s.pue,
        tightest: s.tightest,
        overBudgetMonths: s.overBudgetMonths,
        firstOver: s.firstOver,
      })),
    };
  };
  const a = side("a", sides[0]!);
  const b = side("b", sides[1]!);
  const horizon = forecastMonths(asOf);
  return { asOf, runwayMonths: { from: horizon[0]!.from, to: horizon[horizon.length - 1]!.to }, a, b, rows: compareSides(a, b) };
}
