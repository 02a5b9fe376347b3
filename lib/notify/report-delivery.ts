import { and, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { notificationDeliveries, reportDeliveries, reportSchedules, reports } from "@/lib/db/schema";
import { publicBaseUrl } from "@/lib/env";
import { getOverview } from "@/lib/queries/overview";
import { kpiTable } from "@/lib/queries/reports/answer-tables";
import { reportSectionCsv } from "@/lib/queries/reports/section-csv";
import { readScope, scopeFilters, type ReportSection } from "@/lib/queries/reports/scope";
import { createShareLink } from "@/lib/services/shares/create";
import { revokeShareLink } from "@/lib/services/shares/revoke";
import { systemCtx } from "@/lib/services/system-actor";
import { afterFailure } from "./backoff";
import { claimDue } from "./claim";
import type { DeliverySummary } from "./deliver";
import { csvAttachment, keyFigures, renderReportMail } from "./report-mail";
import { nextRunAt, wallClock } from "./schedule-time";
import { sendMail } from "./smtp";

/** The actor that creates scheduled deliveries' share links (audited under this name). */
export const REPORTS_ACTOR = "system:scheduled-reports";

/**
 * Turns every enabled schedule whose time has come into a report_deliveries row (unique per schedule and due time,
 * so two instances make one) and moves the schedule to its next time after now (a missed time is sent once, late).
 */
export async function queueDueReports(db: Db, now: Date): Promise<number> {
  const due = await db
    .select({ s: reportSchedules })
    .from(reportSchedules)
    .innerJoin(reports, eq(reports.id, reportSchedules.reportId))
    .where(
      and(
        eq(reportSchedules.enabled, true),
        isNull(reportSchedules.archivedAt),
        isNull(reports.archivedAt),
        lte(reportSchedules.nextRunAt, now),
      ),
    );
  let queued = 0;
  for (const { s } of due) {
    const dueAt = s.nextRunAt!;
    const inserted = await db
      .insert(reportDeliveries)
      .values({ scheduleId: s.id, dueAt, nextAttemptAt: now })
      .onConflictDoNothing({ target: [reportDeliveries.scheduleId, reportDeliveries.dueAt] })
      .returning({ id: reportDeliveries.id });
    queued += inserted.length;
    const next = nextRunAt({ ...s, cadence: s.cadence as "weekly" | "monthly" }, new Date(Math.max(now.getTime(), dueAt.getTime())));
    await db
      .update(reportSchedules)
      .set({ nextRunAt: next })
      .where(and(eq(reportSchedules.id, s.id), eq(reportSchedules.nextRunAt, dueAt)));
  }
  return queued;
}

/**
 * Sends the report deliveries that are due (claimed atomically, as notifications are): a fresh share link for each
 * attempt, the key figures, the chosen sections as CSV; each attempt logged, retried after 1, 2, 4, 8 minutes, failed
 * after the fifth. `ids` limits it to those deliveries (Send now).
 */
export async function deliverDueReports(
  db: Db,
  { now = new Date(), ids }: { now?: Date; ids?: readonly string[] } = {},
): Promise<DeliverySummary> {
  if (!ids) await queueDueReports(db, now);
  const claimed = await claimDue(db, "report_deliveries", { now, ids, limit: 10 });
  const summary: DeliverySummary = { sent: 0, retrying: 0, failed: 0 };
  if (claimed.length === 0) return summary;
  const rows = await db
    .select({ d: reportDeliveries, s: reportSchedules, r: reports })
    .from(reportDeliveries)
    .innerJoin(reportSchedules, eq(reportSchedules.id, reportDeliveries.scheduleId))
    .innerJoin(reports, eq(reports.id, reportSchedules.reportId))
    .where(
      inArray(
        reportDeliveries.id,
        claimed.map((c) => c.id),
      ),
    );
  for (const row of rows) {
    const started = performance.now();
    let shareId: string | null = null;
    let error: string | null = null;
    try {
      shareId = await sendReport(db, row, now);
    } catch (e) {
      error = (e instanceof Error ? e.message : String(e)).slice(0, 1000);
    }
    const durationMs = Math.round(performance.now() - started);
    await db.insert(notificationDeliveries).values({
      reportDeliveryId: row.d.id,
      attempt: row.d.attempts,
      at: now,
      ok: error === null,
      durationMs,
      error,
    });
    if (error === null) {
      await db
        .update(reportDeliveries)
        .set({ status: "sent", sentAt: now, shareId, claimedAt: null, lastError: null })
        .where(eq(reportDeliveries.id, row.d.id));
      summary.sent++;
    } else {
      const next = afterFailure(row.d.attempts, now);
      await db
        .update(reportDeliveries)
        .set({ ...next, claimedAt: null, lastError: error })
        .where(eq(reportDeliveries.id, row.d.id));
      summary[next.status === "failed" ? "failed" : "retrying"]++;
    }
  }
  return summary;
}

type Row = { d: typeof reportDeliveries.$inferSelect; s: typeof reportSchedules.$inferSelect; r: typeof reports.$inferSelect };

const longDate = (d: Date, timeZone: string) => new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone }).format(d);

/** One attempt: link, figures, attachments, mail. A link made for an attempt that then fails is revoked again. */
async function sendReport(db: Db, { d, s, r }: Row, now: Date): Promise<string> {
  if (r.archivedAt) throw new Error("The report is archived.");
  const ctx = systemCtx(db, REPORTS_ACTOR);
  const scope = readScope(r.scope);
  const w = wallClock(d.dueAt, s.timeZone);
  const day = `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
  const asOf = now;
  const filters = scopeFilters(scope, asOf);
  const sections = (s.csvSections as ReportSection[]).filter((x) => scope.sections.includes(x));
  const [figures, attachments] = await Promise.all([
    getOverview(ctx, { scenario: filters.scenario, asOf }).then((o) => keyFigures(kpiTable(o))),
    Promise.all(sections.map(async (x) => csvAttachment(await reportSectionCsv(ctx, x, scope, asOf)))),
  ]);
  const { token, link } = await createShareLink({
    ctx,
    input: { reportId: r.id, label: `Scheduled email, ${day}`, expiresInDays: s.linkDays, allowCsv: false },
  });
  try {
    const base = publicBaseUrl();
    const url = `${base ?? ""}/r/${encodeURIComponent(token)}`;
    const body = renderReportMail({
      reportName: r.name,
      note: r.note,
      dateLabel: longDate(d.dueAt, s.timeZone),
      figures,
      link: url,
      expiresOn: longDate(link.expiresAt, s.timeZone),
      attachments: attachments.map((a) => a.filename),
    });
    await sendMail({ to: s.recipients as string[], ...body, attachments });
    return link.id;
  } catch (e) {
    await revokeShareLink({ ctx, input: { id: link.id } }).catch(() => undefined);
    throw e;
  }
}

/** Deliveries of a report's schedules, newest first, with their last error: what its page shows. */
export async function recentReportDeliveries(db: Db, reportId: string, limit = 20) {
  return db
    .select({
      id: reportDeliveries.id,
      scheduleId: reportDeliveries.scheduleId,
      dueAt: reportDeliveries.dueAt,
      status: reportDeliveries.status,
      attempts: reportDeliveries.attempts,
      nextAttemptAt: reportDeliveries.nextAttemptAt,
      lastError: reportDeliveries.lastError,
      sentAt: reportDeliveries.sentAt,
    })
    .from(reportDeliveries)
    .innerJoin(reportSchedules, eq(reportSchedules.id, reportDeliveries.scheduleId))
    .where(eq(reportSchedules.reportId, reportId))
    .orderBy(sql`${reportDeliveries.createdAt} desc`)
    .limit(limit);
}
