import { and, eq } from "drizzle-orm";
import { budgets } from "@/lib/db/schema";
import type { BudgetUnit } from "@/lib/enums";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { checkBudgetRules } from "./rules";
import { ArchiveBudgetInput } from "./schemas";

async function setArchived(ctx: Ctx, input: unknown, archive: boolean) {
  requirePermission(ctx, "budgets.write");
  const data = parseInput(ArchiveBudgetInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(budgets).where(eq(budgets.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This budget no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "budget", id: before.id, label: `Budget ${before.name}` }, data.version, before);
    }
    if (archive === (before.archivedAt !== null)) {
      throw new ValidationError(archive ? "This budget is already archived." : "This budget is not archived.");
    }
    if (!archive) await checkBudgetRules(tx, { ...before, unit: before.unit as BudgetUnit }, before);
    const [after] = await tx
      .update(budgets)
      .set({ archivedAt: archive ? new Date() : null, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(budgets.id, data.id), eq(budgets.version, data.version)))
      .returning();
    await audit(tx, ctx, {
      action: archive ? "budget.archive" : "budget.unarchive",
      entityType: "budget",
      entityId: before.id,
      before,
      after,
    });
    return after!;
  });
}

/** Archives a budget: it leaves the list (and the read API) and keeps its history. */
export function archiveBudget({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, true);
}

export function unarchiveBudget({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, false);
}
