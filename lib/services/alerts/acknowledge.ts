import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { alertEvents, alerts } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { idField } from "@/lib/validation/fields";

export const AlertActionInput = z.object({ id: idField("an alert") });

/** Acknowledges a firing alert: it leaves the inbox's count and keeps firing (and repeating) until it resolves. */
export async function acknowledgeAlert({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "alerts.ack");
  const { id } = parseInput(AlertActionInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(alerts).where(eq(alerts.id, id)).for("update");
    if (!before) throw new NotFoundError("This alert no longer exists.");
    if (before.status !== "firing") throw new ValidationError("This alert is already resolved.");
    if (before.acknowledgedAt) throw new ValidationError("This alert is already acknowledged.");
    const at = new Date();
    const userId = ctx.actor.kind === "user" ? ctx.actor.id : null;
    const [after] = await tx
      .update(alerts)
      .set({ acknowledgedAt: at, acknowledgedBy: userId })
      .where(and(eq(alerts.id, id), eq(alerts.status, "firing")))
      .returning();
    await tx.insert(alertEvents).values({ alertId: id, event: "acknowledged", at, userId, detail: { by: ctx.actor.email } });
    await audit(tx, ctx, { action: "alert.acknowledge", entityType: "alert", entityId: id, before, after });
    return after!;
  });
}
