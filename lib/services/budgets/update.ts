import { and, eq } from "drizzle-orm";
import { budgets } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { checkBudgetRules, mergeEdit } from "./rules";
import { UpdateBudgetInput } from "./schemas";

export async function updateBudget({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "budgets.write");
  const data = parseInput(UpdateBudgetInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(budgets).where(eq(budgets.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This budget no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "budget", id: before.id, label: `Budget ${before.name}` }, data.version, before);
    }
    const row = await checkBudgetRules(tx, mergeEdit(before, data.changes), before);
    const [after] = await tx
      .update(budgets)
      .set({ ...row, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(budgets.id, data.id), eq(budgets.version, data.version)))
      .returning();
    await audit(tx, ctx, { action: "budget.update", entityType: "budget", entityId: before.id, before, after });
    return after!;
  });
}
