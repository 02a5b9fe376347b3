import { and, eq } from "drizzle-orm";
import { allocations } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { audit } from "../audit";
import { staleEditConflict } from "../stale-edit";
import { checkAllocationRules } from "./rules";
import { UpdateAllocationInput } from "./schemas";

export async function updateAllocation({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "allocation.write");
  const data = parseInput(UpdateAllocationInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(allocations).where(eq(allocations.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This allocation no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "allocation", id: before.id, label: "This allocation" }, data.version, before);
    }
    if (before.archivedAt) throw new ValidationError("This allocation has ended; add a new one instead.");
    await checkAllocationRules(tx, { ...before, ...data.changes }, before);
    const [after] = await tx
      .update(allocations)
      .set({ ...data.changes, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(allocations.id, data.id), eq(allocations.version, data.version)))
      .returning();
    await audit(tx, ctx, { action: "allocation.update", entityType: "allocation", entityId: before.id, before, after });
    return after!;
  });
}
