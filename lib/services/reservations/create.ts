import type { Executor } from "@/lib/db/client";
import { reservations } from "@/lib/db/schema";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { checkReservationRules } from "./rules";
import { CreateReservationInput } from "./schemas";

/** Applies the database rules, inserts and audits inside the caller's transaction (also used by the bulk import). */
export async function insertReservation(tx: Executor, ctx: Ctx, data: CreateReservationInput) {
  await checkReservationRules(tx, data);
  const [created] = await tx
    .insert(reservations)
    .values({ ...data, updatedBy: ctx.actor.email })
    .returning();
  await audit(tx, ctx, { action: "reservation.create", entityType: "reservation", entityId: created!.id, after: created });
  return created!;
}

export async function createReservation({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "reservations.write");
  const data = parseInput(CreateReservationInput, input);
  return withTransaction(ctx, (tx) => insertReservation(tx, ctx, data));
}
