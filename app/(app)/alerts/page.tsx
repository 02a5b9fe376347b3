import type { Metadata } from "next";
import Link from "next/link";
import { Download } from "lucide-react";
import { AlertButtons } from "@/components/alerts/alert-buttons";
import { EvaluateNow } from "@/components/alerts/evaluate-now";
import { SeverityBadge } from "@/components/alerts/severity-badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { formatDayTimeUtc } from "@/lib/format/date";
import { getAlertHistory, lastEvaluation, listFiringAlerts } from "@/lib/queries/alerts";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { acknowledgeAlertAction, evaluateNowAction, resolveAlertAction } from "./actions";

export const metadata: Metadata = { title: "Alerts" };
export const dynamic = "force-dynamic";

const TEXT = "px-3 py-2 text-left align-top";
const HEAD = "px-3 py-2 text-left font-medium";
const LINK = "text-brand-700 underline dark:text-brand-300";

function pageOf(raw: RawSearchParams): number {
  const v = Array.isArray(raw.page) ? raw.page[0] : raw.page;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

export default async function AlertsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const page = pageOf(await searchParams);
  const [firing, history, last] = await Promise.all([listFiringAlerts(ctx), getAlertHistory(ctx, page), lastEvaluation(ctx)]);
  const canAck = can(ctx.actor.role, "alerts.ack");
  const canWrite = can(ctx.actor.role, "alerts.write");
  return (
    <div className="mx-auto max-w-6xl">
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Alerts</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
            What the alert rules find firing now, each with the figures of the page it comes from, and their history.{" "}
            {last
              ? `Last evaluated ${formatDayTimeUtc(last.startedAt)} (${last.trigger}${last.error ? `; some rules failed: ${last.error}` : ""}).`
              : "Not evaluated yet."}
          </p>
        </div>
        {canWrite ? <EvaluateNow action={evaluateNowAction} /> : null}
      </div>

      <h2 className="mb-2 text-lg font-semibold">Firing now ({firing.length})</h2>
      {firing.length === 0 ? (
        <p className="mb-8 text-sm text-slate-600 dark:text-slate-400">
          Nothing is firing.{" "}
          <Link href="/alerts/rules" className={LINK}>
            See the rules
          </Link>
          .
        </p>
      ) : (
        <ScrollRegion
          label="Firing alerts"
          className="mb-8 rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
        >
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
              <tr>
                <th scope="col" className={HEAD}>
                  Severity
                </th>
                <th scope="col" className={HEAD}>
                  Alert
                </th>
                <th scope="col" className={HEAD}>
                  Rule
                </th>
                <th scope="col" className={HEAD}>
                  Since
                </th>
                <th scope="col" className={HEAD}>
                  Scope
                </th>
                <th scope="col" className={HEAD}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {firing.map((a) => (
                <tr key={a.id}>
                  <td className={TEXT}>
                    <SeverityBadge severity={a.severity} />
                  </td>
                  <td className={TEXT}>
                    {a.href ? (
                      <Link href={a.href} className={`${LINK} font-medium`}>
                        {a.title}
                      </Link>
                    ) : (
                      <span className="font-medium">{a.title}</span>
                    )}
                    <p className="text-xs text-slate-600 dark:text-slate-400">{a.summary}</p>
                    {a.acknowledgedAt ? (
                      <p className="text-xs text-slate-600 dark:text-slate-400">
                        Acknowledged {formatDayTimeUtc(a.acknowledgedAt)}
                        {a.acknowledgedBy ? ` by ${a.acknowledgedBy}` : ""}
                      </p>
                    ) : null}
                    {a.mutedUntil && a.mutedUntil > new Date() ? (
                      <p className="text-xs text-slate-600 dark:text-slate-400">Muted until {formatDayTimeUtc(a.mutedUntil)}</p>
                    ) : null}
                  </td>
                  <td className={TEXT}>
                    <Link href={`/alerts/rules/${a.ruleId}`} className={LINK}>
                      {a.ruleName}
                    </Link>
                  </td>
                  <td className={`${TEXT} whitespace-nowrap`}>{formatDayTimeUtc(a.firstFiredAt)}</td>
                  <td className={TEXT}>{a.scopeText}</td>
                  <td className={TEXT}>
                    <AlertButtons
                      id={a.id}
                      title={a.title}
                      acknowledge={canAck && !a.acknowledgedAt ? acknowledgeAlertAction : null}
                      resolve={canWrite ? resolveAlertAction : null}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">History</h2>
        {can(ctx.actor.role, "export.csv") ? (
          <a href="/alerts/history.csv" className="inline-flex h-9 items-center gap-2 rounded-md border px-3 text-sm">
            <Download aria-hidden className="size-4" /> Export CSV
          </a>
        ) : null}
      </div>
      {history.rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No alert has fired yet.</p>
      ) : (
        <>
          <ScrollRegion
            label="Alert history"
            className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
          >
            <table className="w-full text-sm">
              <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
                <tr>
                  <th scope="col" className={HEAD}>
                    When
                  </th>
                  <th scope="col" className={HEAD}>
                    Event
                  </th>
                  <th scope="col" className={HEAD}>
                    Severity
                  </th>
                  <th scope="col" className={HEAD}>
                    Alert
                  </th>
                  <th scope="col" className={HEAD}>
                    Rule
                  </th>
                  <th scope="col" className={HEAD}>
                    By
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {history.rows.map((h) => (
                  <tr key={h.id}>
                    <td className={`${TEXT} whitespace-nowrap`}>{formatDayTimeUtc(h.at)}</td>
                    <td className={`${TEXT} capitalize`}>{h.event}</td>
                    <td className={TEXT}>
                      <SeverityBadge severity={h.severity} />
                    </td>
                    <td className={TEXT}>
                      <span className="font-medium">{h.title}</span>
                      {h.summary ? <p className="text-xs text-slate-600 dark:text-slate-400">{h.summary}</p> : null}
                    </td>
                    <td className={TEXT}>{h.ruleName}</td>
                    <td className={TEXT}>{h.by ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <nav aria-label="History pages" className="mt-3 flex items-center gap-4 text-sm">
            <span>
              Page {history.page} of {history.pageCount} ({history.total} events)
            </span>
            {history.page > 1 ? (
              <Link href={`/alerts?page=${history.page - 1}`} className={LINK}>
                Newer
              </Link>
            ) : null}
            {history.page < history.pageCount ? (
              <Link href={`/alerts?page=${history.page + 1}`} className={LINK}>
                Older
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </div>
  );
}
