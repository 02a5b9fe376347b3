import { demandPlans } from "@/lib/db/schema";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { checkDemandPlanRules } from "./rules";
import { CreateDemandPlanInput } from "./schemas";

export async function createDemandPlan({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "demand_plans.write");
  const data = parseInput(CreateDemandPlanInput, input);
  return withTransaction(ctx, async (tx) => {
    await checkDemandPlanRules(tx, data);
    const [created] = await tx
      .insert(demandPlans)
      .values({ ...data, updatedBy: ctx.actor.email })
      .returning();
    await audit(tx, ctx, { action: "demand_plan.create", entityType: "demand_plan", entityId: created!.id, after: created });
    return created!;
  });
}
