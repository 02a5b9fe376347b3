import type { Metadata } from "next";
import Link from "next/link";
import { ReportForm } from "@/components/reports/report-forms";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { listReports } from "@/lib/queries/reports";
import { SECTION_LABELS } from "@/lib/queries/reports/scope";
import { saveReportAction } from "./actions";
import { reportFormOptions, SECTION_OPTIONS } from "./form-options";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "Reports" };
export const dynamic = "force-dynamic";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireCtx();
  // "Put this plan in a report" on /plan opens this form with the plan's inputs (?plan=<its query>).
  const { plan } = await searchParams;
  const planQuery = typeof plan === "string" ? plan : "";
  const mayManage = can(ctx.actor.role, "shares.manage");
  const [rows, options] = await Promise.all([listReports(ctx), mayManage ? reportFormOptions(ctx) : null]);
  return (
    <div className="mx-auto max-w-5xl space-y-8 pb-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Reports</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Chosen sections of Headroom with fixed filters, to share by link with people who do not log in.
        </p>
      </div>
      <ScrollRegion label="Reports">
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b text-left text-slate-600 dark:text-slate-400">
              <th className="py-2 pr-4 font-medium">Title</th>
              <th className="py-2 pr-4 font-medium">Sections</th>
              <th className="py-2 pr-4 font-medium">Valid links</th>
              <th className="py-2 font-medium">Changed</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={4} className="py-4 text-slate-600 dark:text-slate-400">
                  No reports yet.
                </td>
              </tr>
            ) : null}
            {rows.map((r) => (
              <tr key={r.id} className="border-b align-top">
                <td className="py-2 pr-4">
                  <Link href={`/reports/${r.id}`} className="font-medium text-brand-700 underline dark:text-brand-300">
                    {r.name}
                  </Link>
                </td>
                <td className="py-2 pr-4">{r.scope.sections.map((s) => SECTION_LABELS[s]).join(", ")}</td>
                <td className="py-2 pr-4 tabular-nums">{r.liveLinks}</td>
                <td className="py-2">
                  {dateFormat.format(r.updatedAt)}
                  {r.updatedBy ? ` · ${r.updatedBy}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {options ? (
        <section id="new-report" className="max-w-2xl scroll-mt-4 space-y-3">
          <h2 className="text-lg font-semibold">New report</h2>
          <ReportForm
            action={saveReportAction}
            sections={SECTION_OPTIONS}
            options={options}
            values={{
              name: "",
              note: "",
              sections: planQuery ? ["kpis", "capacity", "plan"] : ["kpis", "capacity", "costs"],
              filters: {},
              scenarioId: "",
              plan: planQuery ? `/plan?${planQuery}` : "",
            }}
          />
        </section>
      ) : null}
    </div>
  );
}
