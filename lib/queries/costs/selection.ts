import { startOfUtcMonth } from "@/lib/metrics/calendar";
import type { Period } from "@/lib/metrics/period";
import { selectionCost, sumSelectionCosts, type SelectionCost } from "@/lib/metrics/selection-cost";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { cachedRead, pageClock } from "@/lib/cache/read";
import { getShowback } from "../allocation/showback";
import { parsePlanningFilters, type PlanningFilters, type RawSearchParams } from "../filters/params";
import { loadSelection, type Selection } from "../filters/selection";
import { COSTS_DEFAULTS } from "./from-url";

export type SelectionCosts = {
  asOf: Date;
  selection: Selection;
  months: { month: Period; cost: SelectionCost }[];
  total: SelectionCost;
};

/**
 * /costs under the team / workload filter: per month of the range, the selection's showback cost (getShowback, the
 * numbers of /allocation) — own cost by part and shared cost apart. Showback covers every block and charge of the
 * registers in US dollars: the provider, family, site and scenario filters do not narrow it.
 */
export async function getSelectionCosts(
  ctx: Ctx,
  filters: Pick<PlanningFilters, "from" | "to">,
  selection: Selection,
  asOf = pageClock(),
): Promise<SelectionCosts> {
  requirePermission(ctx, "app.read");
  const from = startOfUtcMonth(filters.from);
  const to = startOfUtcMonth(filters.to);
  const key = { from, to, workloads: selection.workloadIds, teams: selection.teamIds, asOf };
  return cachedRead("costs-selection", ctx.db, key, async () => {
    const showback = await getShowback(ctx, { from, to, asOf }); // each family's pool rule, as /allocation reads it;
    const months = showback.map((m) => ({ month: m.month, cost: selectionCost(m, selection) }));
    return { asOf, selection, months, total: sumSelectionCosts(months.map((m) => m.cost)) };
  });
}

/** /costs and its exports under the team / workload filter; null when the URL names neither. */
export async function getSelectionCostsFromUrl(
  ctx: Ctx,
  raw: RawSearchParams | URLSearchParams,
  asOf = pageClock(),
): Promise<{ filters: PlanningFilters; costs: SelectionCosts } | null> {
  const filters = parsePlanningFilters(raw, { now: asOf, defaults: COSTS_DEFAULTS });
  const selection = await loadSelection(ctx, filters);
  if (!selection) return null;
  return { filters, costs: await getSelectionCosts(ctx, filters, selection, asOf) };
}
