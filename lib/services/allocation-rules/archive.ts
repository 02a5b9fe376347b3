import { and, eq } from "drizzle-orm";
import { allocationRules } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { checkAllocationRule, liveRules, lockAllocationRules, reallocateCharges, renumber, ruleLabel } from "./rules";
import { ArchiveAllocationRuleInput } from "./schemas";

async function setArchived(ctx: Ctx, input: unknown, archive: boolean) {
  requirePermission(ctx, "allocation.write");
  const data = parseInput(ArchiveAllocationRuleInput, input);
  return withTransaction(ctx, async (tx) => {
    await lockAllocationRules(tx);
    const [before] = await tx.select().from(allocationRules).where(eq(allocationRules.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This allocation rule no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "allocation_rule", id: before.id, label: ruleLabel(before) }, data.version, before);
    }
    if (archive === (before.archivedAt !== null)) {
      throw new ValidationError(archive ? "This allocation rule is already archived." : "This allocation rule is not archived.");
    }
    if (!archive) await checkAllocationRule(tx, before, before);
    const others = (await liveRules(tx)).filter((r) => r.id !== before.id);
    // An archived rule leaves the order (the ones after it move up); an unarchived one comes back last.
    const position = archive ? before.position : others.length + 1;
    const [after] = await tx
      .update(allocationRules)
      .set({
        archivedAt: archive ? new Date() : null,
        position,
        version: data.version + 1,
        updatedAt: new Date(),
        updatedBy: ctx.actor.email,
      })
      .where(and(eq(allocationRules.id, data.id), eq(allocationRules.version, data.version)))
      .returning();
    await renumber(tx, others);
    await audit(tx, ctx, {
      action: archive ? "allocation_rule.archive" : "allocation_rule.unarchive",
      entityType: "allocation_rule",
      entityId: before.id,
      before,
      after,
    });
    await reallocateCharges(tx);
    return after!;
  });
}

/** Archives a rule: the charges it caught go to the next rule that matches them, or stay unallocated. */
export function archiveAllocationRule({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, true);
}

/** Puts an archived rule back, last in the order. */
export function unarchiveAllocationRule({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, false);
}
