import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { reportDeliveries, reportSchedules } from "@/lib/db/schema";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { describeSchedule } from "@/lib/notify/schedule-time";

/** A report's email schedules (not deleted), each described in words, with its latest deliveries (status and error). */
export async function listReportSchedules(ctx: Ctx, reportId: string) {
  requirePermission(ctx, "app.read");
  const rows = await ctx.db
    .select()
    .from(reportSchedules)
    .where(and(eq(reportSchedules.reportId, reportId), isNull(reportSchedules.archivedAt)))
    .orderBy(asc(reportSchedules.createdAt));
  const deliveries = await Promise.all(
    rows.map((s) =>
      ctx.db
        .select({
          id: reportDeliveries.id,
          dueAt: reportDeliveries.dueAt,
          status: reportDeliveries.status,
          attempts: reportDeliveries.attempts,
          nextAttemptAt: reportDeliveries.nextAttemptAt,
          lastError: reportDeliveries.lastError,
          sentAt: reportDeliveries.sentAt,
        })
        .from(reportDeliveries)
        .where(eq(reportDeliveries.scheduleId, s.id))
        .orderBy(desc(reportDeliveries.createdAt))
        .limit(5),
    ),
  );
  return rows.map((s, i) => ({
    id: s.id,
    version: s.version,
    cadence: s.cadence as "weekly" | "monthly",
    weekday: s.weekday,
    dayOfMonth: s.dayOfMonth,
    hour: s.hour,
    timeZone: s.timeZone,
    recipients: s.recipients as string[],
    csvSections: s.csvSections as string[],
    linkDays: s.linkDays,
    enabled: s.enabled,
    nextRunAt: s.nextRunAt,
    description: describeSchedule({ ...s, cadence: s.cadence as "weekly" | "monthly" }),
    deliveries: deliveries[i]!,
  }));
}
