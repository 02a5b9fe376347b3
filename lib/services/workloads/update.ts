import { and, eq } from "drizzle-orm";
import { workloads } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { checkWorkloadRules } from "./rules";
import { UpdateWorkloadInput } from "./schemas";

export async function updateWorkload({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "allocation.write");
  const data = parseInput(UpdateWorkloadInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(workloads).where(eq(workloads.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This workload no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "workload", id: before.id, label: `Workload ${before.name}` }, data.version, before);
    }
    await checkWorkloadRules(tx, { ...before, ...data.changes }, before);
    const [after] = await tx
      .update(workloads)
      .set({ ...data.changes, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(workloads.id, data.id), eq(workloads.version, data.version)))
      .returning();
    await audit(tx, ctx, { action: "workload.update", entityType: "workload", entityId: before.id, before, after });
    return after!;
  });
}
