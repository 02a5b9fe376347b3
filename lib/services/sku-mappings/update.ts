import { and, eq } from "drizzle-orm";
import { rematchCharges } from "@/lib/ingest/matching";
import { skuMappings } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { checkSkuMapping } from "./rules";
import { UpdateSkuMappingInput } from "./schemas";

export async function updateSkuMapping({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "billing.map");
  const data = parseInput(UpdateSkuMappingInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(skuMappings).where(eq(skuMappings.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This SKU mapping no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "sku_mapping", id: before.id, label: `Mapping of ${before.skuId}` }, data.version, before);
    }
    await checkSkuMapping(tx, { ...before, ...data.changes }, before.id);
    const [after] = await tx
      .update(skuMappings)
      .set({ ...data.changes, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(skuMappings.id, data.id), eq(skuMappings.version, data.version)))
      .returning();
    await audit(tx, ctx, { action: "sku_mapping.update", entityType: "sku_mapping", entityId: before.id, before, after });
    for (const providerId of new Set([before.providerId, after!.providerId]))
      await rematchCharges(tx, { providerId, rules: ["accelerator"] });
    return after!;
  });
}
