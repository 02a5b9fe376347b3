import type { Dec } from "@/lib/metrics/decimal";
import type { Period } from "@/lib/metrics/period";
import type { HeadroomPoint } from "@/lib/metrics/power-headroom";
import type { PlanAfter, RunwayChange } from "./after";
import type { PlanRun } from "./run";

const month = (p: Period | null) => (p ? p.from.toISOString().slice(0, 7) : null);
const num = (d: Dec | null) => (d === null ? null : d.toFixed());
const runway = (r: RunwayChange) => ({ key: r.key, before: month(r.before), after: month(r.after) });
const headroom = (p: HeadroomPoint | null) =>
  p && {
    month: month(p.month),
    budgetMw: num(p.budgetMw),
    facilityMw: num(p.facilityMw),
    headroomMw: num(p.headroomMw),
    overBudget: p.overBudget,
  };

/** The plan's "after" for JSON: months as YYYY-MM, decimals as strings; power per site as its tightest month and counts. */
export function afterJson(after: PlanAfter) {
  return {
    runway: { overall: runway(after.runway.overall), byFamily: after.runway.byFamily.map(runway) },
    power: {
      overBudgetAfter: after.power.overBudgetAfter,
      newlyOverMonths: after.power.newlyOverMonths,
      sites: after.power.sites.map((s) => ({
        siteId: s.siteId,
        siteName: s.siteName,
        tightestBefore: headroom(s.tightestBefore),
        tightestAfter: headroom(s.tightestAfter),
        overBudgetMonthsBefore: s.overBudgetMonthsBefore,
        overBudgetMonthsAfter: s.overBudgetMonthsAfter,
      })),
    },
    concentration: {
      maxProviderShareBefore: num(after.concentration.maxShareBefore),
      maxProviderShareAfter: num(after.concentration.maxShareAfter),
      months: after.concentration.months.map((m) => ({
        month: month(m.month),
        before: { largest: m.before.largestName, share: num(m.before.largestShare), hhi: num(m.before.hhi) },
        after: { largest: m.after.largestName, share: num(m.after.largestShare), hhi: num(m.after.hhi) },
      })),
    },
  };
}

/** What the JSON doors (CLI --json, POST /api/v1/plan) answer: the plan's figures, its blocks, the unmet months and what binds. */
export function planJson(run: PlanRun) {
  const { plan } = run;
  return {
    status: plan.status,
    message: plan.message,
    objective: plan.objective,
    committedCost: plan.committedCost,
    costInHorizon: plan.costInHorizon,
    solveMs: plan.solveMs,
    mipGap: plan.mipGap,
    model: plan.model,
    from: run.from,
    to: run.to,
    asOf: run.asOf,
    inputs: run.inputs,
    offers: run.offers,
    warnings: run.warnings,
    blocks: plan.blocks,
    unmet: plan.families.filter((f) => f.unmet > 0).map((f) => ({ family: f.family, month: f.month, unmet: f.unmet })),
    bindings: plan.bindings,
    after: afterJson(run.after),
  };
}
