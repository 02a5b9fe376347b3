import { and, eq } from "drizzle-orm";
import { allocationRules } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { liveRules, lockAllocationRules, reallocateCharges, renumber, ruleLabel } from "./rules";
import { ReorderAllocationRuleInput } from "./schemas";

/** Moves a live rule one place up or down (it swaps with its neighbour); every past charge is allocated again. */
export async function reorderAllocationRule({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "allocation.write");
  const data = parseInput(ReorderAllocationRuleInput, input);
  return withTransaction(ctx, async (tx) => {
    await lockAllocationRules(tx);
    const [before] = await tx.select().from(allocationRules).where(eq(allocationRules.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This allocation rule no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "allocation_rule", id: before.id, label: ruleLabel(before) }, data.version, before);
    }
    if (before.archivedAt !== null) throw new ValidationError("This allocation rule is archived; unarchive it before moving it.");
    const live = await liveRules(tx);
    const i = live.findIndex((r) => r.id === before.id);
    const j = data.direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= live.length) {
      throw new ValidationError(data.direction === "up" ? "This rule is already the first." : "This rule is already the last.");
    }
    const ordered = [...live];
    [ordered[i], ordered[j]] = [ordered[j]!, ordered[i]!];
    // Its neighbours take their new places; the rule's own place is written with its version below.
    await renumber(
      tx,
      ordered.map((r) => (r.id === before.id ? null : r)),
    );
    const [after] = await tx
      .update(allocationRules)
      .set({ position: j + 1, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(allocationRules.id, data.id), eq(allocationRules.version, data.version)))
      .returning();
    await audit(tx, ctx, { action: "allocation_rule.reorder", entityType: "allocation_rule", entityId: before.id, before, after });
    await reallocateCharges(tx);
    return after!;
  });
}
