import { ScrollRegion } from "@/components/ui/scroll-region";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateLinkForm, ReportForm } from "@/components/reports/report-forms";
import { ReportSections } from "@/components/reports/report-view";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/db/uuid";
import { getReport, listShareLinks } from "@/lib/queries/reports";
import { createShareLinkAction, saveReportAction } from "../actions";
import { ArchiveReportButton, RevokeLinkButton } from "../buttons";
import { reportFormOptions, SECTION_OPTIONS } from "../form-options";
import { EmailSchedules } from "./schedules";

export const metadata: Metadata = { title: "Report" };
export const dynamic = "force-dynamic";

/** How a link is named in the revoke question: its label and first characters, or when it was made. */
const linkName = (l: { label: string | null; tokenPrefix: string | null; createdAt: Date }) =>
  [l.label ? `“${l.label}”` : null, l.tokenPrefix ? `/r/${l.tokenPrefix}…` : null].filter(Boolean).join(" ") ||
  `created ${when.format(l.createdAt)}`;

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const report = await getReport(ctx, id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const mayManage = can(ctx.actor.role, "shares.manage");
  const [links, options] = await Promise.all([mayManage ? listShareLinks(ctx, id) : [], mayManage ? reportFormOptions(ctx) : null]);
  const asOf = new Date();
  const now = asOf.getTime();
  return (
    <div className="mx-auto max-w-7xl space-y-8 pb-10">
      <div>
        <p className="text-sm">
          <Link href="/reports" className="text-brand-700 underline dark:text-brand-300">
            Reports
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{report.name}</h1>
        {report.note ? (
          <p className="mt-2 max-w-3xl whitespace-pre-line text-sm text-slate-700 dark:text-slate-300">{report.note}</p>
        ) : null}
        {report.archivedAt ? (
          <p className="mt-2 text-sm font-medium text-amber-700 dark:text-amber-300">This report is archived; its links do not work.</p>
        ) : null}
      </div>

      {mayManage && !report.archivedAt && options ? (
        <section className="space-y-4 rounded border border-slate-200 p-4 dark:border-slate-800" aria-label="Share links">
          <h2 className="text-lg font-semibold">Share links</h2>
          <CreateLinkForm reportId={report.id} action={createShareLinkAction} />
          {links.length ? (
            <ScrollRegion label="Share links">
              <table className="w-full text-sm">
                <thead>
                  <tr className="border-b text-left text-slate-600 dark:text-slate-400">
                    <th className="py-2 pr-4 font-medium">Link</th>
                    <th className="py-2 pr-4 font-medium">Created</th>
                    <th className="py-2 pr-4 font-medium">By</th>
                    <th className="py-2 pr-4 font-medium">Expires</th>
                    <th className="py-2 pr-4 font-medium">Views</th>
                    <th className="py-2 pr-4 font-medium">Last view</th>
                    <th className="py-2 pr-4 font-medium">Status</th>
                    <th className="py-2" />
                  </tr>
                </thead>
                <tbody>
                  {links.map((l) => {
                    const status = l.revokedAt ? "Revoked" : l.expiresAt.getTime() <= now ? "Expired" : "Valid";
                    return (
                      <tr key={l.id} className="border-b">
                        <td className="py-2 pr-4">
                          <span className="font-medium">{l.label ?? "Unlabelled"}</span>
                          {l.tokenPrefix ? (
                            <span
                              className="block font-mono text-xs text-slate-600 dark:text-slate-400"
                              title="The link's first characters"
                            >
                              /r/{l.tokenPrefix}…
                            </span>
                          ) : null}
                        </td>
                        <td className="py-2 pr-4">{when.format(l.createdAt)}</td>
                        <td className="py-2 pr-4">{l.createdBy ?? "—"}</td>
                        <td className="py-2 pr-4">{when.format(l.expiresAt)}</td>
                        <td className="py-2 pr-4 tabular-nums">{l.viewCount}</td>
                        <td className="py-2 pr-4">{l.lastViewedAt ? when.format(l.lastViewedAt) : "never"}</td>
                        <td className="py-2 pr-4">
                          {status}
                          {l.allowCsv ? " · CSV allowed" : ""}
                        </td>
                        <td className="py-2">
                          {status === "Valid" ? <RevokeLinkButton id={l.id} reportId={report.id} name={linkName(l)} /> : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollRegion>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">No links yet.</p>
          )}
        </section>
      ) : null}

      {can(ctx.actor.role, "reports.schedule") && !report.archivedAt ? (
        <EmailSchedules ctx={ctx} reportId={report.id} sections={report.scope.sections} />
      ) : null}

      {mayManage && !report.archivedAt && options ? (
        <details className="rounded border border-slate-200 p-4 dark:border-slate-800">
          <summary className="cursor-pointer font-medium">Edit report</summary>
          <div className="mt-4 max-w-2xl">
            <ReportForm
              action={saveReportAction}
              sections={SECTION_OPTIONS}
              options={options}
              values={{
                id: report.id,
                version: report.version,
                name: report.name,
                note: report.note ?? "",
                sections: report.scope.sections,
                filters: Object.fromEntries(Object.entries(report.scope.filters).filter(([, v]) => v !== undefined)),
                scenarioId: report.scope.scenarioId ?? "",
                plan: report.scope.plan ? `/plan?${report.scope.plan}` : "",
              }}
            />
            <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
              Links already created keep the sections and filters they were created with.
            </p>
            <div className="mt-4">
              <ArchiveReportButton id={report.id} version={report.version} />
            </div>
          </div>
        </details>
      ) : null}

      <div>
        <h2 className="mb-4 text-sm font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Preview</h2>
        <ReportSections ctx={ctx} scope={report.scope} asOf={asOf} />
      </div>
    </div>
  );
}
