import { and, eq } from "drizzle-orm";
import { reservations } from "@/lib/db/schema";
import { ValidationError, NotFoundError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { ArchiveReservationInput } from "./schemas";

async function setArchived(ctx: Ctx, input: unknown, archive: boolean) {
  requirePermission(ctx, "reservations.write");
  const data = parseInput(ArchiveReservationInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(reservations).where(eq(reservations.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This reservation no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "reservation", id: before.id, label: `Reservation ${before.name}` }, data.version, before);
    }
    if (archive === (before.archivedAt !== null)) {
      throw new ValidationError(archive ? "This reservation is already archived." : "This reservation is not archived.");
    }
    const [after] = await tx
      .update(reservations)
      .set({ archivedAt: archive ? new Date() : null, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(reservations.id, data.id), eq(reservations.version, data.version)))
      .returning();
    await audit(tx, ctx, {
      action: archive ? "reservation.archive" : "reservation.unarchive",
      entityType: "reservation",
      entityId: before.id,
      before,
      after,
    });
    return after!;
  });
}

/** Archives a reservation: it leaves the default lists but stays, with its utilization and history. */
export function archiveReservation({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, true);
}

export function unarchiveReservation({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, false);
}
