import { parsePlanningFilters, type PlanningFilters, type RawSearchParams } from "@/lib/queries/filters/params";
import type { FxRates } from "@/lib/metrics/fx";
import type { SpendGroupBy } from "@/lib/metrics/monthly-spend";
import { loadPlanningModels } from "@/lib/planning/model";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { cachedRead, pageClock } from "@/lib/cache/read";
import { fxRates } from "@/lib/env";
import { getCostsView, type CostsView } from "./index";

export const COSTS_DEFAULTS = { range: "pm12m", by: "provider" } as const;

/**
 * /costs and its exports: the filters from the URL (12 months back and ahead by default), the planning model's blocks.
 * Cached per data version, URL, asOf (now to the minute by default) and rates.
 */
export async function getCostsFromUrl(
  ctx: Ctx,
  raw: RawSearchParams | URLSearchParams,
  asOf = pageClock(),
  rates: FxRates = fxRates(),
): Promise<{ filters: PlanningFilters; view: CostsView }> {
  requirePermission(ctx, "app.read");
  const params = raw instanceof URLSearchParams ? raw : new URLSearchParams(searchEntries(raw));
  return cachedRead("costs", ctx.db, { params, asOf, rates }, () => computeCosts(ctx, params, asOf, rates));
}

function searchEntries(raw: RawSearchParams): [string, string][] {
  return Object.entries(raw).flatMap(([k, v]) =>
    v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((one): [string, string] => [k, one]),
  );
}

async function computeCosts(
  ctx: Ctx,
  raw: URLSearchParams,
  asOf: Date,
  fxRates: FxRates,
): Promise<{ filters: PlanningFilters; view: CostsView }> {
  const filters = parsePlanningFilters(raw, { now: asOf, defaults: COSTS_DEFAULTS });
  const by: SpendGroupBy = filters.by === "family" ? "family" : "provider";
  requirePermission(ctx, "app.read"); // before any read starts, so a refusal leaves no load unobserved
  // The model (and, with a scenario, the baseline beside it) loads while the cost view's own reads run.
  const models = loadPlanningModels(ctx, {
    scenarioId: filters.scenario,
    filters: { provider: filters.provider, family: filters.family, site: filters.site },
    asOf,
  });
  const view = await getCostsView(ctx, filters, {
    asOf,
    by,
    blocks: models.then((m) => m.model.blocks),
    baselineBlocks: models.then((m) => m.baseline?.blocks ?? null),
    profile: raw,
    fxRates,
  });
  return { filters: { ...filters, by }, view };
}
