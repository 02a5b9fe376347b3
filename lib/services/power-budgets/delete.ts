import { eq } from "drizzle-orm";
import { powerBudgets } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { isoDay } from "@/lib/metrics/calendar";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { DeletePowerBudgetInput } from "./schemas";

/**
 * Removes a step that has not started yet (effective from a later day than today, UTC). A step that is or
 * was in force stays as the record of what was contracted: end it by setting its end date instead.
 * The audit row keeps the removed step in full.
 */
export async function deletePowerBudget({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "power_budgets.write");
  const data = parseInput(DeletePowerBudgetInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(powerBudgets).where(eq(powerBudgets.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This power budget step no longer exists.");
    if (before.version !== data.version) {
      const label = `The power budget step from ${before.effectiveFrom}`;
      throw await staleEditConflict(tx, { type: "power_budget", id: before.id, label }, data.version, before);
    }
    if (before.effectiveFrom <= isoDay(new Date())) {
      throw new ValidationError(`The step from ${before.effectiveFrom} is already in force; set its end date instead of removing it.`);
    }
    await tx.delete(powerBudgets).where(eq(powerBudgets.id, before.id));
    await audit(tx, ctx, { action: "power_budget.delete", entityType: "power_budget", entityId: before.id, before });
    return before;
  });
}
