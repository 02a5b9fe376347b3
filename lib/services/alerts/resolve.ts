import { and, eq } from "drizzle-orm";
import { alertEvents, alerts } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { AlertActionInput } from "./acknowledge";

/** Resolves a firing alert by hand; if its condition still holds, the next evaluation fires it again as a new alert. */
export async function resolveAlert({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "alerts.write");
  const { id } = parseInput(AlertActionInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(alerts).where(eq(alerts.id, id)).for("update");
    if (!before) throw new NotFoundError("This alert no longer exists.");
    if (before.status !== "firing") throw new ValidationError("This alert is already resolved.");
    const at = new Date();
    const userId = ctx.actor.kind === "user" ? ctx.actor.id : null;
    const [after] = await tx
      .update(alerts)
      .set({ status: "resolved", resolvedAt: at })
      .where(and(eq(alerts.id, id), eq(alerts.status, "firing")))
      .returning();
    await tx.insert(alertEvents).values({ alertId: id, event: "resolved", at, userId, detail: { by: ctx.actor.email, manual: true } });
    await audit(tx, ctx, { action: "alert.resolve", entityType: "alert", entityId: id, before, after });
    return after!;
  });
}
