import { and, eq } from "drizzle-orm";
import { contracts } from "@/lib/db/schema";
import { ValidationError, NotFoundError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { ArchiveContractInput } from "./schemas";

async function setArchived(ctx: Ctx, input: unknown, archive: boolean) {
  requirePermission(ctx, "contracts.write");
  const data = parseInput(ArchiveContractInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(contracts).where(eq(contracts.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This contract no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "contract", id: before.id, label: `Contract ${before.name}` }, data.version, before);
    }
    if (archive === (before.archivedAt !== null)) {
      throw new ValidationError(archive ? "This contract is already archived." : "This contract is not archived.");
    }
    const [after] = await tx
      .update(contracts)
      .set({ archivedAt: archive ? new Date() : null, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(contracts.id, data.id), eq(contracts.version, data.version)))
      .returning();
    await audit(tx, ctx, {
      action: archive ? "contract.archive" : "contract.unarchive",
      entityType: "contract",
      entityId: before.id,
      before,
      after,
    });
    return after!;
  });
}

/** Archives a contract: it leaves the default lists but stays, with its reservations and charges. */
export function archiveContract({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, true);
}

export function unarchiveContract({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, false);
}
