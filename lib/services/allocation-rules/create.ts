import { allocationRules } from "@/lib/db/schema";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { checkAllocationRule, liveRules, lockAllocationRules, reallocateCharges, renumber } from "./rules";
import { CreateAllocationRuleInput } from "./schemas";

/**
 * Adds an allocation rule at a position among the live ones (last when none is given); every past charge is allocated
 * again in the same transaction, so the rule's charges move to its workload at once (or not at all).
 */
export async function createAllocationRule({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "allocation.write");
  const { position, ...data } = parseInput(CreateAllocationRuleInput, input);
  return withTransaction(ctx, async (tx) => {
    await lockAllocationRules(tx);
    await checkAllocationRule(tx, data);
    const live = await liveRules(tx);
    const at = Math.min(position ?? live.length + 1, live.length + 1);
    // Make room: the rules from `at` on move down one place.
    await renumber(tx, [...live.slice(0, at - 1), null, ...live.slice(at - 1)]);
    const [created] = await tx
      .insert(allocationRules)
      .values({ ...data, position: at, updatedBy: ctx.actor.email })
      .returning();
    await audit(tx, ctx, { action: "allocation_rule.create", entityType: "allocation_rule", entityId: created!.id, after: created });
    await reallocateCharges(tx);
    return created!;
  });
}
