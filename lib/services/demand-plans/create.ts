import type { Executor } from "@/lib/db/client";
import { demandPlans } from "@/lib/db/schema";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { checkDemandPlanRules } from "./rules";
import { CreateDemandPlanInput } from "./schemas";

/** Applies the database rules, inserts and audits inside the caller's transaction (also used by the bulk import). */
export async function insertDemandPlan(tx: Executor, ctx: Ctx, data: CreateDemandPlanInput) {
  await checkDemandPlanRules(tx, data);
  const [created] = await tx
    .insert(demandPlans)
    .values({ ...data, updatedBy: ctx.actor.email })
    .returning();
  await audit(tx, ctx, { action: "demand_plan.create", entityType: "demand_plan", entityId: created!.id, after: created });
  return created!;
}

export async function createDemandPlan({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "demand_plans.write");
  const data = parseInput(CreateDemandPlanInput, input);
  return withTransaction(ctx, (tx) => insertDemandPlan(tx, ctx, data));
}
