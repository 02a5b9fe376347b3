import { rematchCharges } from "@/lib/ingest/matching";
import { skuMappings } from "@/lib/db/schema";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { checkSkuMapping } from "./rules";
import { CreateSkuMappingInput } from "./schemas";

/** Maps a provider's SKU (in one region, or all) to an accelerator type; the provider's charges are matched again at once. */
export async function createSkuMapping({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "billing.map");
  const data = parseInput(CreateSkuMappingInput, input);
  return withTransaction(ctx, async (tx) => {
    await checkSkuMapping(tx, data);
    const [created] = await tx
      .insert(skuMappings)
      .values({ ...data, updatedBy: ctx.actor.email })
      .returning();
    await audit(tx, ctx, { action: "sku_mapping.create", entityType: "sku_mapping", entityId: created!.id, after: created });
    await rematchCharges(tx, { providerId: created!.providerId, rules: ["accelerator"] });
    return created!;
  });
}
