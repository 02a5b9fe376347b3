import { and, eq } from "drizzle-orm";
import { reportSchedules } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { audit } from "../audit";
import { staleEditConflict } from "../stale-edit";
import { ScheduleRef } from "./schemas";

/** Deletes a schedule (archived: its past deliveries stay in the audit trail and the delivery log). */
export async function deleteReportSchedule({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "reports.schedule");
  const ref = parseInput(ScheduleRef, input);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.select().from(reportSchedules).where(eq(reportSchedules.id, ref.id)).for("update");
    if (!row || row.archivedAt) throw new NotFoundError("This schedule no longer exists.");
    if (row.version !== ref.version) {
      throw await staleEditConflict(tx, { type: "report_schedule", id: row.id, label: "This schedule" }, ref.version, row);
    }
    const [updated] = await tx
      .update(reportSchedules)
      .set({
        archivedAt: new Date(),
        enabled: false,
        nextRunAt: null,
        version: ref.version + 1,
        updatedAt: new Date(),
        updatedBy: ctx.actor.email,
      })
      .where(and(eq(reportSchedules.id, ref.id), eq(reportSchedules.version, ref.version)))
      .returning();
    await audit(tx, ctx, {
      action: "report_schedule.delete",
      entityType: "report_schedule",
      entityId: row.id,
      before: row,
      after: updated,
    });
    return updated!;
  });
}
