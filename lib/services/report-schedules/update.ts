import { and, eq } from "drizzle-orm";
import { reportSchedules } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { nextRunAt } from "@/lib/notify/schedule-time";
import { parseInput, withTransaction } from "@/lib/services/context";
import { audit } from "../audit";
import { staleEditConflict } from "../stale-edit";
import { checkScheduleReport } from "./rules";
import { ScheduleInput, ScheduleRef } from "./schemas";

/** Edits a schedule (enabling or disabling it too); the next due time is computed again from now. */
export async function updateReportSchedule({ ctx, input, now = new Date() }: { ctx: Ctx; input: unknown; now?: Date }) {
  requirePermission(ctx, "reports.schedule");
  const ref = parseInput(ScheduleRef, input);
  const data = parseInput(ScheduleInput, input);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.select().from(reportSchedules).where(eq(reportSchedules.id, ref.id)).for("update");
    if (!row || row.archivedAt) throw new NotFoundError("This schedule no longer exists.");
    if (row.version !== ref.version) {
      throw await staleEditConflict(tx, { type: "report_schedule", id: row.id, label: "This schedule" }, ref.version, row);
    }
    if (row.reportId !== data.reportId) throw new ValidationError("A schedule stays with its report.");
    await checkScheduleReport(tx, data);
    const [updated] = await tx
      .update(reportSchedules)
      .set({ ...data, nextRunAt: nextRunAt(data, now), version: ref.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(reportSchedules.id, ref.id), eq(reportSchedules.version, ref.version)))
      .returning();
    await audit(tx, ctx, {
      action: "report_schedule.update",
      entityType: "report_schedule",
      entityId: row.id,
      before: row,
      after: updated,
    });
    return updated!;
  });
}
