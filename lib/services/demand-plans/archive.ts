import { and, eq } from "drizzle-orm";
import { demandPlans } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { ArchiveDemandPlanInput } from "./schemas";

async function setArchived(ctx: Ctx, input: unknown, archive: boolean) {
  requirePermission(ctx, "demand_plans.write");
  const data = parseInput(ArchiveDemandPlanInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(demandPlans).where(eq(demandPlans.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This demand plan no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "demand_plan", id: before.id, label: `Demand plan ${before.name}` }, data.version, before);
    }
    if (archive === (before.archivedAt !== null)) {
      throw new ValidationError(archive ? "This demand plan is already archived." : "This demand plan is not archived.");
    }
    const [after] = await tx
      .update(demandPlans)
      .set({ archivedAt: archive ? new Date() : null, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(demandPlans.id, data.id), eq(demandPlans.version, data.version)))
      .returning();
    await audit(tx, ctx, {
      action: archive ? "demand_plan.archive" : "demand_plan.unarchive",
      entityType: "demand_plan",
      entityId: before.id,
      before,
      after,
    });
    return after!;
  });
}

/** Archives a demand plan: it stops counting as demand anywhere, and keeps its history. */
export function archiveDemandPlan({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, true);
}

export function unarchiveDemandPlan({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, false);
}
