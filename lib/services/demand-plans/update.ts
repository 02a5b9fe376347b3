import { and, eq } from "drizzle-orm";
import { demandPlans } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { checkDemandPlanRules } from "./rules";
import { UpdateDemandPlanInput } from "./schemas";

export async function updateDemandPlan({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "demand_plans.write");
  const data = parseInput(UpdateDemandPlanInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(demandPlans).where(eq(demandPlans.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This demand plan no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "demand_plan", id: before.id, label: `Demand plan ${before.name}` }, data.version, before);
    }
    if (before.archivedAt) throw new ValidationError("This demand plan is archived; unarchive it before editing.");
    await checkDemandPlanRules(tx, { ...before, ...data.changes }, before);
    const [after] = await tx
      .update(demandPlans)
      .set({ ...data.changes, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(demandPlans.id, data.id), eq(demandPlans.version, data.version)))
      .returning();
    await audit(tx, ctx, { action: "demand_plan.update", entityType: "demand_plan", entityId: before.id, before, after });
    return after!;
  });
}
