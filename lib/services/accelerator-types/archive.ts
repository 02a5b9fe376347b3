import { and, eq } from "drizzle-orm";
import { acceleratorTypes } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { ArchiveAcceleratorTypeInput } from "./schemas";

async function setArchived(ctx: Ctx, input: unknown, archive: boolean) {
  requirePermission(ctx, "catalog.write");
  const data = parseInput(ArchiveAcceleratorTypeInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(acceleratorTypes).where(eq(acceleratorTypes.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This accelerator type no longer exists.");
    if (before.version !== data.version) {
      const entity = { type: "accelerator_type", id: before.id, label: `Accelerator type ${before.name}` };
      throw await staleEditConflict(tx, entity, data.version, before);
    }
    if (archive === (before.archivedAt !== null)) {
      throw new ValidationError(archive ? "This accelerator type is already archived." : "This accelerator type is not archived.");
    }
    const [after] = await tx
      .update(acceleratorTypes)
      .set({ archivedAt: archive ? new Date() : null, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(acceleratorTypes.id, data.id), eq(acceleratorTypes.version, data.version)))
      .returning();
    const action = archive ? "accelerator_type.archive" : "accelerator_type.unarchive";
    await audit(tx, ctx, { action, entityType: "accelerator_type", entityId: before.id, before, after });
    return after!;
  });
}

/** Archives an accelerator type: new reservations cannot pick it; existing ones keep it and its factor. */
export function archiveAcceleratorType({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, true);
}

export function unarchiveAcceleratorType({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, false);
}
