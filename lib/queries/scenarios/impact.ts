import type { Ctx } from "@/lib/auth/context";
import { headroomDeltas, type HeadroomDelta } from "@/lib/metrics/scenario-delta";
import type { Period } from "@/lib/metrics/period";
import { parsePlanningFilters } from "@/lib/queries/filters/params";
import { getPowerPage } from "@/lib/queries/power";
import { pageClock } from "@/lib/cache/read";

/** /power's default range: what a saved scenario is checked over. */
export const IMPACT_DEFAULTS = { range: "24m" } as const;

export type ScenarioPowerImpact = {
  months: Period[];
  /** Sites the scenario pushes over their power budget (or further over) in some month, first over first. */
  pushedOver: HeadroomDelta[];
};

/**
 * The sites and months a scenario pushes over a power budget, against the baseline: /power's own page (its default
 * range, no filters) built for the scenario and the baseline, set side by side by headroomDeltas.
 */
export async function getScenarioPowerImpact(ctx: Ctx, scenarioId: string, asOf = pageClock()): Promise<ScenarioPowerImpact> {
  const filters = { ...parsePlanningFilters({}, { now: asOf, defaults: IMPACT_DEFAULTS }), scenario: scenarioId };
  const page = await getPowerPage(ctx, filters, null, asOf);
  const pushedOver = headroomDeltas(page.baseline?.sites ?? [], page.sites)
    .filter((d) => d.pushedOver.length > 0)
    .sort((a, b) => a.pushedOver[0]!.from.getTime() - b.pushedOver[0]!.from.getTime() || a.siteName.localeCompare(b.siteName));
  return { months: page.months, pushedOver };
}
