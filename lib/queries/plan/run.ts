import { requirePermission, type Ctx } from "@/lib/auth/context";
import { solveProcurementPlan } from "@/lib/planning/procurement/solve";
import type { ProcurementPlan } from "@/lib/planning/procurement/types";
import { loadPlanWorld } from "@/lib/queries/plan/world";
import { parseInput } from "@/lib/validation/parse-input";
import { PlanInputs } from "@/lib/validation/plan";
import { planAfter, type PlanAfter } from "./after";

export type PlanRun = {
  inputs: PlanInputs;
  asOf: string;
  /** The horizon's months, first and last (YYYY-MM). */
  from: string;
  to: string;
  offers: number;
  warnings: string[];
  plan: ProcurementPlan;
  /** Runway, power headroom and concentration before and after the plan (the pages' own functions). */
  after: PlanAfter;
};

/** The MIP gap a plan stops at: issue 17's "optimal, or within 0.5 % of the best possible". */
const PLAN_GAP = 0.005;

/**
 * Solves a procurement plan (issue 17) for any signed-in role: the inputs checked, the world read from the registers as
 * of `asOf`, solved with HiGHS. Reads only: nothing is saved.
 */
export async function runPlan({ ctx, input, asOf = new Date() }: { ctx: Ctx; input: unknown; asOf?: Date }): Promise<PlanRun> {
  requirePermission(ctx, "plan.run");
  const inputs = parseInput(PlanInputs, input ?? {});
  const { world, warnings, model, source, history, months } = await loadPlanWorld(ctx, inputs, asOf);
  const plan = await solveProcurementPlan(world, { mipRelGap: PLAN_GAP });
  const after = planAfter({ model, source, history, months, blocks: plan.blocks, asOf });
  return {
    inputs,
    asOf: asOf.toISOString(),
    from: world.months[0]!,
    to: world.months.at(-1)!,
    offers: world.offers.length,
    warnings: [...warnings, ...after.warnings],
    plan,
    after,
  };
}
