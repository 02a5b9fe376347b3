import { and, eq } from "drizzle-orm";
import { reservations } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { checkReservationRules } from "./rules";
import { UpdateReservationInput } from "./schemas";

export async function updateReservation({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "reservations.write");
  const data = parseInput(UpdateReservationInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(reservations).where(eq(reservations.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This reservation no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "reservation", id: before.id, label: `Reservation ${before.name}` }, data.version, before);
    }
    await checkReservationRules(tx, { ...before, ...data.changes }, before);
    const [after] = await tx
      .update(reservations)
      .set({ ...data.changes, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(reservations.id, data.id), eq(reservations.version, data.version)))
      .returning();
    await audit(tx, ctx, { action: "reservation.update", entityType: "reservation", entityId: before.id, before, after });
    return after!;
  });
}
