import { ScheduleForm, ScheduleRowActions } from "@/components/reports/schedule-forms";
import type { Ctx } from "@/lib/auth/context";
import { listReportSchedules } from "@/lib/queries/reports/schedules";
import { SECTION_LABELS, type ReportSection } from "@/lib/queries/reports/scope";
import {
  deleteReportScheduleAction,
  saveReportScheduleAction,
  sendReportScheduleNowAction,
  setReportScheduleEnabledAction,
} from "../schedule-actions";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const STATUS: Record<string, string> = { pending: "Waiting to send", sending: "Sending", sent: "Sent", failed: "Failed" };

/** The report's "Email schedule" section: each schedule with its last deliveries and actions, and a form to add one. */
export async function EmailSchedules({ ctx, reportId, sections }: { ctx: Ctx; reportId: string; sections: readonly ReportSection[] }) {
  const schedules = await listReportSchedules(ctx, reportId);
  const sectionOptions = sections.map((s) => ({ value: s, label: SECTION_LABELS[s] }));
  return (
    <section className="space-y-4 rounded border border-slate-200 p-4 dark:border-slate-800" aria-labelledby="email-schedule-heading">
      <h2 id="email-schedule-heading" className="text-lg font-semibold">
        Email schedule
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Mails the key figures, the sections chosen as CSV and a fresh read-only link to the recipients. A failed delivery is retried after
        1, 2, 4 and 8 minutes.
      </p>
      {schedules.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No schedules yet.</p> : null}
      <ul className="space-y-4">
        {schedules.map((s) => (
          <li key={s.id} className="rounded border border-slate-200 p-3 dark:border-slate-800" aria-label={s.description}>
            <p className="font-medium">
              {s.description}
              {s.enabled ? null : <span className="ml-2 text-xs font-normal text-slate-500">disabled</span>}
            </p>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              To {s.recipients.join(", ")} · CSV:{" "}
              {s.csvSections.length ? s.csvSections.map((x) => SECTION_LABELS[x as ReportSection] ?? x).join(", ") : "none"} · link valid{" "}
              {s.linkDays} days{s.nextRunAt ? ` · next ${when.format(s.nextRunAt)} UTC` : ""}
            </p>
            <div className="mt-2">
              <ScheduleRowActions
                id={s.id}
                version={s.version}
                enabled={s.enabled}
                reportId={reportId}
                sendNow={sendReportScheduleNowAction}
                setEnabled={setReportScheduleEnabledAction}
                remove={deleteReportScheduleAction}
              />
            </div>
            {s.deliveries.length ? (
              <table className="mt-3 w-full text-sm" aria-label="Last deliveries">
                <thead>
                  <tr className="border-b text-left text-slate-600 dark:text-slate-400">
                    <th className="py-1 pr-4 font-medium">Due (UTC)</th>
                    <th className="py-1 pr-4 font-medium">Status</th>
                    <th className="py-1 pr-4 font-medium">Attempts</th>
                    <th className="py-1 font-medium">Error</th>
                  </tr>
                </thead>
                <tbody>
                  {s.deliveries.map((d) => (
                    <tr key={d.id} className="border-b">
                      <td className="py-1 pr-4">{when.format(d.dueAt)}</td>
                      <td className={`py-1 pr-4 ${d.status === "failed" ? "font-medium text-red-700 dark:text-red-400" : ""}`}>
                        {STATUS[d.status] ?? d.status}
                        {d.status === "pending" && d.attempts > 0 ? ` (retry ${when.format(d.nextAttemptAt)})` : ""}
                        {d.sentAt ? ` ${when.format(d.sentAt)}` : ""}
                      </td>
                      <td className="py-1 pr-4 tabular-nums">{d.attempts}</td>
                      <td className="py-1 break-all">{d.lastError ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-medium">Edit schedule</summary>
              <div className="mt-3">
                <ScheduleForm
                  reportId={reportId}
                  sections={sectionOptions}
                  action={saveReportScheduleAction}
                  values={{
                    id: s.id,
                    version: s.version,
                    cadence: s.cadence,
                    weekday: String(s.weekday ?? 1),
                    dayOfMonth: String(s.dayOfMonth ?? 1),
                    hour: String(s.hour),
                    timeZone: s.timeZone,
                    recipients: s.recipients.join("\n"),
                    csvSections: s.csvSections,
                    linkDays: String(s.linkDays),
                    enabled: s.enabled,
                  }}
                />
              </div>
            </details>
          </li>
        ))}
      </ul>
      <details className="rounded border border-slate-200 p-3 dark:border-slate-800">
        <summary className="cursor-pointer text-sm font-medium">Add an email schedule</summary>
        <div className="mt-3">
          <ScheduleForm
            key={schedules.length}
            reportId={reportId}
            sections={sectionOptions}
            action={saveReportScheduleAction}
            values={{
              cadence: "weekly",
              weekday: "1",
              dayOfMonth: "1",
              hour: "8",
              timeZone: "UTC",
              recipients: "",
              csvSections: [],
              linkDays: "14",
              enabled: true,
            }}
          />
        </div>
      </details>
    </section>
  );
}
