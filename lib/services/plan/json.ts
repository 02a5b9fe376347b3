import type { PlanRun } from "./run";

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
  };
}
