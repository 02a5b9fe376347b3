import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { withTransaction } from "@/lib/services/context";
import { evaluateAlerts } from "@/lib/alerts/evaluate";
import { deliverPending } from "@/lib/notify/deliver";

/** "Evaluate now": every rule as of now, recorded as a manual evaluation by this user, its messages sent at once; returns what fired. */
export async function evaluateAlertsNow({ ctx }: { ctx: Ctx; input?: unknown }) {
  requirePermission(ctx, "alerts.write");
  // Audited first, so the data version the evaluation records already includes this request.
  await withTransaction(ctx, (tx) => audit(tx, ctx, { action: "alerts.evaluate", entityType: "alert_evaluation", entityId: null }));
  const result = await evaluateAlerts(ctx.db, { trigger: "manual", requestedBy: ctx.actor.kind === "user" ? ctx.actor.id : null });
  const delivered = result.notifications > 0 ? await deliverPending(ctx.db, { now: new Date() }) : null;
  return { ...result, delivered };
}
