import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { reportSchedules } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { nextRunAt } from "@/lib/notify/schedule-time";
import { parseInput, withTransaction } from "@/lib/services/context";
import { audit } from "../audit";
import { staleEditConflict } from "../stale-edit";
import { ScheduleRef } from "./schemas";

const SetEnabledInput = ScheduleRef.extend({ enabled: z.boolean() });

/** Pauses or resumes a schedule; resuming computes its next due time from now (missed ones are not sent). */
export async function setReportScheduleEnabled({ ctx, input, now = new Date() }: { ctx: Ctx; input: unknown; now?: Date }) {
  requirePermission(ctx, "reports.schedule");
  const data = parseInput(SetEnabledInput, input);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.select().from(reportSchedules).where(eq(reportSchedules.id, data.id)).for("update");
    if (!row || row.archivedAt) throw new NotFoundError("This schedule no longer exists.");
    if (row.version !== data.version) {
      throw await staleEditConflict(tx, { type: "report_schedule", id: row.id, label: "This schedule" }, data.version, row);
    }
    const schedule = { ...row, cadence: row.cadence as "weekly" | "monthly" };
    const [updated] = await tx
      .update(reportSchedules)
      .set({
        enabled: data.enabled,
        nextRunAt: data.enabled ? nextRunAt(schedule, now) : null,
        version: data.version + 1,
        updatedAt: new Date(),
        updatedBy: ctx.actor.email,
      })
      .where(and(eq(reportSchedules.id, data.id), eq(reportSchedules.version, data.version)))
      .returning();
    await audit(tx, ctx, {
      action: data.enabled ? "report_schedule.enable" : "report_schedule.disable",
      entityType: "report_schedule",
      entityId: row.id,
      before: row,
      after: updated,
    });
    return updated!;
  });
}
