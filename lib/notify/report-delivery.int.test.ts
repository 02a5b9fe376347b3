import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { readCsv } from "@/lib/csv/read";
import { csvResponse } from "@/lib/csv/response";
import { csvLine } from "@/lib/csv/write";
import type { DbHandle } from "@/lib/db/client";
import { auditLog, notificationDeliveries, reportDeliveries, reportSchedules, sharedReports, users } from "@/lib/db/schema";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { getOverview } from "@/lib/queries/overview";
import { kpiTable } from "@/lib/queries/reports/answer-tables";
import { reportSectionCsv } from "@/lib/queries/reports/section-csv";
import { listReportSchedules } from "@/lib/queries/reports/schedules";
import { createReport } from "@/lib/services/reports/create";
import { createReportSchedule } from "@/lib/services/report-schedules/create";
import { sendReportScheduleNow } from "@/lib/services/report-schedules/send-now";
import { setReportScheduleEnabled } from "@/lib/services/report-schedules/set-enabled";
import { resolveShareToken } from "@/lib/services/shares/resolve";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { insertOverviewFixture } from "@/lib/testing/overview-fixture";
import { startSmtp, type SmtpReceiver } from "@/lib/testing/smtp";
import { REPORTS_ACTOR, deliverDueReports, recentReportDeliveries } from "./report-delivery";

process.env.NEXTAUTH_URL = "https://headroom.example.com";

let smtp: SmtpReceiver;
beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  process.env.SMTP_FROM = "Headroom <reports@headroom.example.com>";
});
afterAll(() => smtp?.stop());

async function csvRecords(content: Buffer): Promise<string[][]> {
  const out: string[][] = [];
  for await (const r of readCsv([content])) out.push(r.fields);
  return out;
}

// Monday 2026-03-16 08:00 in Berlin (CET, UTC+1) = 07:00 UTC.
const CREATED = new Date("2026-03-10T00:00:00Z");
const DUE = new Date("2026-03-16T07:00:00Z");
const min = (m: number) => new Date(DUE.getTime() + m * 60_000);

describeOnEachEngine("scheduled reports", (engine) => {
  let handle: DbHandle;
  let finance: Ctx;
  let reportId: string;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    await insertOverviewFixture(handle.db);
    const [f] = await handle.db.insert(users).values({ email: "fin@example.com", name: "Fin", role: "finance" }).returning();
    finance = { db: handle.db, actor: { id: f!.id, email: f!.email, role: "finance", kind: "user" } };
    const report = await createReport({
      ctx: finance,
      input: {
        name: `Weekly board ${engine}`,
        note: "For the board",
        scope: { sections: ["kpis", "concentration"], filters: {}, scenarioId: null },
      },
    });
    reportId = report.id;
  });
  afterAll(() => handle?.close());

  const weekly = (recipients: string, extra: Record<string, unknown> = {}) => ({
    reportId,
    cadence: "weekly",
    weekday: "1",
    hour: "8",
    timeZone: "Europe/Berlin",
    recipients,
    csvSections: ["kpis", "concentration"],
    linkDays: "7",
    ...extra,
  });

  it("mails a weekly report once at its due time, with its figures, CSV attachments and a working link", async () => {
    const schedule = await createReportSchedule({ ctx: finance, input: weekly("board@example.com\ncfo@example.com"), now: CREATED });
    expect(schedule.nextRunAt).toEqual(DUE);
    expect(await deliverDueReports(handle.db, { now: min(-1) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    // Two instances at the due time: one delivery, one mail.
    const [a, b] = await Promise.all([deliverDueReports(handle.db, { now: DUE }), deliverDueReports(handle.db, { now: DUE })]);
    expect(a.sent + b.sent).toBe(1);
    expect(await deliverDueReports(handle.db, { now: min(1) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const [moved] = await handle.db.select().from(reportSchedules).where(eq(reportSchedules.id, schedule.id));
    expect(moved!.nextRunAt).toEqual(new Date("2026-03-23T07:00:00Z"));

    const mails = smtp.mails.filter((m) => m.subject.startsWith(`Weekly board ${engine}`));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe(`Weekly board ${engine} — 16 March 2026`);
    expect(mail.to.sort()).toEqual(["board@example.com", "cfo@example.com"]);
    expect(mail.from).toBe("reports@headroom.example.com");

    // The figures are those of the report's key figures section at the due time, as text and as an HTML table.
    const kpis = kpiTable(await getOverview({ db: handle.db, actor: finance.actor }, { asOf: DUE }));
    const committed = [...(kpis.rows as Iterable<readonly unknown[]>)][0]!;
    const committedValue = (committed[1] as { number: string }).number;
    expect(committedValue).toBe("1250100.00");
    expect(mail.text).toContain(`- Committed spend: 1250100.00 USD`);
    expect(mail.html).toMatch(/<th scope="row"[^>]*>Committed spend<\/th><td[^>]*>1250100.00<\/td>/);
    expect(mail.html).not.toMatch(/<img/i);

    // The attachments are the sections' CSV exports.
    expect(mail.attachments.map((x) => x.filename).sort()).toEqual(
      ["concentration-shares-2026-03-16.csv", "key-figures-2026-03-16.csv"].sort(),
    );
    const kpiCsv = await csvRecords(mail.attachments.find((x) => x.filename.startsWith("key-figures"))!.content);
    expect(kpiCsv[0]).toEqual(["figure", "value", "unit", "note"]);
    expect(kpiCsv.map((r) => r[0])).toContain("runway");
    expect(kpiCsv.find((r) => r[0] === "committed_spend")![1]).toBe("1250100.00");
    expect(kpiCsv).toHaveLength(1 + [...(kpis.rows as Iterable<unknown>)].length);
    const expectedFirst = csvLine(committed as never).trim();
    expect(kpiCsv[1]!.join(",")).toBe(expectedFirst.replace(/"/g, ""));
    // Byte for byte what the section's CSV download gives (with its byte order mark).
    const scope = { sections: ["kpis", "concentration"] as const, filters: {}, scenarioId: null };
    const table = await reportSectionCsv(
      { db: handle.db, actor: finance.actor },
      "concentration",
      { ...scope, sections: [...scope.sections] },
      DUE,
    );
    const download = Buffer.from(await csvResponse(table.fileName, table.header, table.rows, { bom: true }).arrayBuffer());
    const attached = mail.attachments.find((x) => x.filename.startsWith("concentration"))!.content;
    expect(attached.equals(download)).toBe(true);
    expect((await csvRecords(attached)).length).toBeGreaterThan(1);

    // The link opens the report through the lookup /r/<token> uses, and expires after linkDays.
    const token = /https:\/\/headroom\.example\.com\/r\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    expect(mail.html).toContain(`href="https://headroom.example.com/r/${token}"`);
    const shared = await resolveShareToken(handle.db, token);
    expect(shared).toMatchObject({ reportId, name: `Weekly board ${engine}` });
    const [link] = await handle.db.select().from(sharedReports).where(eq(sharedReports.id, shared!.id));
    expect(link!.label).toBe("Scheduled email, 2026-03-16");
    expect(Math.round((link!.expiresAt.getTime() - link!.createdAt.getTime()) / 86_400_000)).toBe(7);
    const [created] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "share_link.create"), eq(auditLog.entityId, link!.id)));
    expect(created!.actor).toBe(REPORTS_ACTOR);

    const [delivery] = await handle.db.select().from(reportDeliveries).where(eq(reportDeliveries.scheduleId, schedule.id));
    expect(delivery).toMatchObject({ status: "sent", attempts: 1, shareId: link!.id, dueAt: DUE });
    const log = await handle.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.reportDeliveryId, delivery!.id));
    expect(log).toMatchObject([{ attempt: 1, ok: true }]);
  });

  it("retries a delivery while the mail server is down, shows it failed after the fifth attempt, and revokes each attempt's link", async () => {
    const down = await startSmtp();
    await down.stop();
    const schedule = await createReportSchedule({ ctx: finance, input: weekly("ops@example.com", { csvSections: [] }), now: CREATED });
    process.env.SMTP_URL = down.url;
    try {
      for (const m of [0, 1, 3, 7, 15]) await deliverDueReports(handle.db, { now: min(m) });
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
    const [delivery] = await handle.db.select().from(reportDeliveries).where(eq(reportDeliveries.scheduleId, schedule.id));
    expect(delivery).toMatchObject({ status: "failed", attempts: 5 });
    expect(delivery!.lastError).toMatch(/ECONNREFUSED|connect/i);
    const log = await handle.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.reportDeliveryId, delivery!.id));
    expect(log.map((l) => l.ok)).toEqual([false, false, false, false, false]);
    const shown = await recentReportDeliveries(handle.db, reportId);
    expect(shown.find((d) => d.id === delivery!.id)).toMatchObject({ status: "failed", attempts: 5 });
    const listed = (await listReportSchedules(finance, reportId)).find((s) => s.id === schedule.id)!;
    expect(listed.description).toBe("Weekly on Monday at 08:00 (Europe/Berlin)");
    expect(listed.deliveries[0]).toMatchObject({ status: "failed", attempts: 5 });
    const links = await handle.db.select().from(sharedReports).where(eq(sharedReports.reportId, reportId));
    expect(links.filter((l) => l.revokedAt !== null)).toHaveLength(5);
    await setReportScheduleEnabled({ ctx: finance, input: { id: schedule.id, version: schedule.version, enabled: false } });
  });

  it("sends now on request, without moving the schedule", async () => {
    const schedule = await createReportSchedule({
      ctx: finance,
      input: weekly("now@example.com", { csvSections: ["kpis"] }),
      now: CREATED,
    });
    const result = await sendReportScheduleNow({ ctx: finance, input: { id: schedule.id }, now: min(30) });
    expect(result).toMatchObject({ ok: true, error: null });
    const mail = await smtp.waitFor((m) => m.to.includes("now@example.com"));
    expect(mail.attachments.map((x) => x.filename)).toEqual(["key-figures-2026-03-16.csv"]);
    const [after] = await handle.db.select().from(reportSchedules).where(eq(reportSchedules.id, schedule.id));
    expect(after!.nextRunAt).toEqual(schedule.nextRunAt);
  });

  it("refuses a viewer, an unknown time zone, a day 29 and a CSV section the report does not show", async () => {
    const viewer: Ctx = { db: handle.db, actor: { id: null, email: "viewer@example.com", role: "viewer", kind: "user" } };
    await expect(createReportSchedule({ ctx: viewer, input: weekly("a@example.com") })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createReportSchedule({ ctx: finance, input: weekly("a@example.com", { timeZone: "Mars/Olympus" }) })).rejects.toThrow(
      /Not a time zone Headroom knows/,
    );
    await expect(
      createReportSchedule({ ctx: finance, input: weekly("a@example.com", { cadence: "monthly", dayOfMonth: "29" }) }),
    ).rejects.toThrow(/day of the month from 1 to 28/);
    await expect(createReportSchedule({ ctx: finance, input: weekly("a@example.com", { csvSections: ["costs"] }) })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
