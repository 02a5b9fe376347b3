import { desc, eq } from "drizzle-orm";
import { notificationDeliveries, reportDeliveries, reportSchedules } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { deliverDueReports } from "@/lib/notify/report-delivery";
import { parseInput, withTransaction } from "@/lib/services/context";
import { audit } from "../audit";
import { ScheduleId } from "./schemas";

/** Mails the report now to the schedule's recipients (an extra delivery: the schedule's own times are unchanged). */
export async function sendReportScheduleNow({ ctx, input, now = new Date() }: { ctx: Ctx; input: unknown; now?: Date }) {
  requirePermission(ctx, "reports.schedule");
  const { id } = parseInput(ScheduleId, input);
  const deliveryId = await withTransaction(ctx, async (tx) => {
    const [row] = await tx.select().from(reportSchedules).where(eq(reportSchedules.id, id));
    if (!row || row.archivedAt) throw new NotFoundError("This schedule no longer exists.");
    const [created] = await tx
      .insert(reportDeliveries)
      .values({ scheduleId: id, dueAt: now, nextAttemptAt: now })
      .returning({ id: reportDeliveries.id });
    await audit(tx, ctx, {
      action: "report_schedule.send_now",
      entityType: "report_schedule",
      entityId: id,
      after: { deliveryId: created!.id },
    });
    return created!.id;
  });
  await deliverDueReports(ctx.db, { now, ids: [deliveryId] });
  const [attempt] = await ctx.db
    .select()
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.reportDeliveryId, deliveryId))
    .orderBy(desc(notificationDeliveries.id))
    .limit(1);
  return { deliveryId, ok: attempt?.ok ?? false, error: attempt?.error ?? null };
}
