import { and, eq } from "drizzle-orm";
import { offers } from "@/lib/db/schema";
import { ValidationError, NotFoundError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { ArchiveOfferInput } from "./schemas";

async function setArchived(ctx: Ctx, input: unknown, archive: boolean) {
  requirePermission(ctx, "offers.write");
  const data = parseInput(ArchiveOfferInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(offers).where(eq(offers.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This offer no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "offer", id: before.id, label: "This offer" }, data.version, before);
    }
    if (archive === (before.archivedAt !== null)) {
      throw new ValidationError(archive ? "This offer is already archived." : "This offer is not archived.");
    }
    const [after] = await tx
      .update(offers)
      .set({ archivedAt: archive ? new Date() : null, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(offers.id, data.id), eq(offers.version, data.version)))
      .returning();
    await audit(tx, ctx, {
      action: archive ? "offer.archive" : "offer.unarchive",
      entityType: "offer",
      entityId: before.id,
      before,
      after,
    });
    return after!;
  });
}

/** Archives an offer: it leaves the default list (and the planner's choices) but stays, with its history. */
export function archiveOffer({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, true);
}

export function unarchiveOffer({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, false);
}
