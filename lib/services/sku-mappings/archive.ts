import { and, eq } from "drizzle-orm";
import { rematchCharges } from "@/lib/ingest/matching";
import { skuMappings } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { checkSkuMapping } from "./rules";
import { ArchiveSkuMappingInput } from "./schemas";

async function setArchived(ctx: Ctx, input: unknown, archive: boolean) {
  requirePermission(ctx, "billing.map");
  const data = parseInput(ArchiveSkuMappingInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(skuMappings).where(eq(skuMappings.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This SKU mapping no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "sku_mapping", id: before.id, label: `Mapping of ${before.skuId}` }, data.version, before);
    }
    if (archive === (before.archivedAt !== null)) {
      throw new ValidationError(archive ? "This SKU mapping is already archived." : "This SKU mapping is not archived.");
    }
    if (!archive) await checkSkuMapping(tx, before, before.id);
    const [after] = await tx
      .update(skuMappings)
      .set({ archivedAt: archive ? new Date() : null, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(skuMappings.id, data.id), eq(skuMappings.version, data.version)))
      .returning();
    await audit(tx, ctx, {
      action: archive ? "sku_mapping.archive" : "sku_mapping.unarchive",
      entityType: "sku_mapping",
      entityId: before.id,
      before,
      after,
    });
    await rematchCharges(tx, { providerId: before.providerId, rules: ["accelerator"] });
    return after!;
  });
}

/** Archives a mapping: charges it matched lose their accelerator type unless another rule gives one. */
export function archiveSkuMapping({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, true);
}

export function unarchiveSkuMapping({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, false);
}
