import { and, eq } from "drizzle-orm";
import { powerBudgets } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { checkPowerBudgetRules } from "./rules";
import { UpdatePowerBudgetInput } from "./schemas";

export async function updatePowerBudget({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "power_budgets.write");
  const data = parseInput(UpdatePowerBudgetInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(powerBudgets).where(eq(powerBudgets.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This power budget step no longer exists.");
    if (before.version !== data.version) {
      const label = `The power budget step from ${before.effectiveFrom}`;
      throw await staleEditConflict(tx, { type: "power_budget", id: before.id, label }, data.version, before);
    }
    await checkPowerBudgetRules(tx, { ...before, ...data.changes }, before);
    const [after] = await tx
      .update(powerBudgets)
      .set({ ...data.changes, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(powerBudgets.id, data.id), eq(powerBudgets.version, data.version)))
      .returning();
    await audit(tx, ctx, { action: "power_budget.update", entityType: "power_budget", entityId: before.id, before, after });
    return after!;
  });
}
