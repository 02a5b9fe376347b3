import { reportSchedules } from "@/lib/db/schema";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { nextRunAt } from "@/lib/notify/schedule-time";
import { parseInput, withTransaction } from "@/lib/services/context";
import { audit } from "../audit";
import { checkScheduleReport } from "./rules";
import { ScheduleInput } from "./schemas";

/** Schedules a saved report to be mailed; its first due time is computed in the schedule's time zone. */
export async function createReportSchedule({ ctx, input, now = new Date() }: { ctx: Ctx; input: unknown; now?: Date }) {
  requirePermission(ctx, "reports.schedule");
  const data = parseInput(ScheduleInput, input);
  return withTransaction(ctx, async (tx) => {
    await checkScheduleReport(tx, data);
    const [created] = await tx
      .insert(reportSchedules)
      .values({
        ...data,
        nextRunAt: nextRunAt(data, now),
        createdBy: ctx.actor.kind === "user" ? ctx.actor.id : null,
        updatedBy: ctx.actor.email,
      })
      .returning();
    await audit(tx, ctx, { action: "report_schedule.create", entityType: "report_schedule", entityId: created!.id, after: created });
    return created!;
  });
}
