import { and, eq } from "drizzle-orm";
import { rematchCharges } from "@/lib/ingest/matching";
import { contractMappings } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { checkContractMapping } from "./rules";
import { ArchiveContractMappingInput } from "./schemas";

async function setArchived(ctx: Ctx, input: unknown, archive: boolean) {
  requirePermission(ctx, "billing.map");
  const data = parseInput(ArchiveContractMappingInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(contractMappings).where(eq(contractMappings.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This contract mapping no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "contract_mapping", id: before.id, label: "Contract mapping" }, data.version, before);
    }
    if (archive === (before.archivedAt !== null)) {
      throw new ValidationError(archive ? "This contract mapping is already archived." : "This contract mapping is not archived.");
    }
    if (!archive) await checkContractMapping(tx, before, before.id);
    const [after] = await tx
      .update(contractMappings)
      .set({ archivedAt: archive ? new Date() : null, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(contractMappings.id, data.id), eq(contractMappings.version, data.version)))
      .returning();
    await audit(tx, ctx, {
      action: archive ? "contract_mapping.archive" : "contract_mapping.unarchive",
      entityType: "contract_mapping",
      entityId: before.id,
      before,
      after,
    });
    await rematchCharges(tx, { providerId: before.providerId, rules: ["contract"] });
    return after!;
  });
}

/** Archives a rule: the charges it tied lose their contract unless another rule gives one. */
export function archiveContractMapping({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, true);
}

export function unarchiveContractMapping({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, false);
}
