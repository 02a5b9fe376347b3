import { and, eq } from "drizzle-orm";
import { acceleratorTypes } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { repriceBuildOffers } from "../offers/reprice";
import { staleEditConflict } from "../stale-edit";
import { checkAcceleratorTypeName } from "./rules";
import { UpdateAcceleratorTypeInput } from "./schemas";

export async function updateAcceleratorType({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "catalog.write");
  const data = parseInput(UpdateAcceleratorTypeInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(acceleratorTypes).where(eq(acceleratorTypes.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This accelerator type no longer exists.");
    if (before.version !== data.version) {
      const entity = { type: "accelerator_type", id: before.id, label: `Accelerator type ${before.name}` };
      throw await staleEditConflict(tx, entity, data.version, before);
    }
    if (data.changes.name !== undefined) await checkAcceleratorTypeName(tx, data.changes.name, before.id);
    const [after] = await tx
      .update(acceleratorTypes)
      .set({ ...data.changes, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(acceleratorTypes.id, data.id), eq(acceleratorTypes.version, data.version)))
      .returning();
    await audit(tx, ctx, { action: "accelerator_type.update", entityType: "accelerator_type", entityId: before.id, before, after });
    if (after!.systemW !== before.systemW) await repriceBuildOffers(tx, ctx, { acceleratorTypeId: before.id });
    return after!;
  });
}
