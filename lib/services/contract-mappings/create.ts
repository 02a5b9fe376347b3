import { rematchCharges } from "@/lib/ingest/matching";
import { contractMappings } from "@/lib/db/schema";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { checkContractMapping } from "./rules";
import { CreateContractMappingInput } from "./schemas";

/**
 * Maps a provider's charges that have the given fields to a contract; the provider's charges are matched again in
 * the same transaction, so the rule counts toward the contract's consumed at once (or not at all).
 */
export async function createContractMapping({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "billing.map");
  const data = parseInput(CreateContractMappingInput, input);
  return withTransaction(ctx, async (tx) => {
    await checkContractMapping(tx, data);
    const [created] = await tx
      .insert(contractMappings)
      .values({ ...data, updatedBy: ctx.actor.email })
      .returning();
    await audit(tx, ctx, { action: "contract_mapping.create", entityType: "contract_mapping", entityId: created!.id, after: created });
    await rematchCharges(tx, { providerId: created!.providerId, rules: ["contract"] });
    return created!;
  });
}
