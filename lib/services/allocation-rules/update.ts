import { and, eq } from "drizzle-orm";
import { allocationRules } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { checkAllocationRule, lockAllocationRules, reallocateCharges, ruleLabel } from "./rules";
import { UpdateAllocationRuleInput } from "./schemas";

/** Edits a rule's fields or workload (its place is changed by moving it); every past charge is allocated again. */
export async function updateAllocationRule({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "allocation.write");
  const data = parseInput(UpdateAllocationRuleInput, input);
  return withTransaction(ctx, async (tx) => {
    await lockAllocationRules(tx);
    const [before] = await tx.select().from(allocationRules).where(eq(allocationRules.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This allocation rule no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "allocation_rule", id: before.id, label: ruleLabel(before) }, data.version, before);
    }
    await checkAllocationRule(tx, { ...before, ...data.changes }, before);
    const [after] = await tx
      .update(allocationRules)
      .set({ ...data.changes, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(allocationRules.id, data.id), eq(allocationRules.version, data.version)))
      .returning();
    await audit(tx, ctx, { action: "allocation_rule.update", entityType: "allocation_rule", entityId: before.id, before, after });
    await reallocateCharges(tx);
    return after!;
  });
}
