import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { IntervalForm } from "@/components/alerts/interval-form";
import { SeverityBadge } from "@/components/alerts/severity-badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { formatDayTimeUtc } from "@/lib/format/date";
import { listAlertRules, type RuleListRow } from "@/lib/queries/alerts";
import { ruleFormOptions } from "@/lib/queries/alerts/options";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { readEvaluationInterval } from "@/lib/services/alerts/settings";
import { setEvaluationIntervalAction } from "./actions";

export const metadata: Metadata = { title: "Alert rules" };
export const dynamic = "force-dynamic";

const TEXT = "px-3 py-2 text-left align-top";
const HEAD = "px-3 py-2 text-left font-medium";
const LINK = "text-brand-700 underline dark:text-brand-300";

function scopeLabel(r: RuleListRow, names: Map<string, string>): string {
  if (!r.scopeKind || !r.scopeValue) return "Everything";
  return `${r.scopeKind} ${names.get(r.scopeValue) ?? r.scopeValue}`;
}

export default async function AlertRulesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const archived = (await searchParams).archived === "1";
  const [rules, options, minutes] = await Promise.all([
    listAlertRules(ctx, archived),
    ruleFormOptions(ctx),
    readEvaluationInterval(ctx.db),
  ]);
  const names = new Map([...options.scopes.provider, ...options.scopes.site, ...options.scopes.team].map((o) => [o.value, o.label]));
  const canWrite = can(ctx.actor.role, "alerts.write");
  const now = new Date();
  return (
    <div className="mx-auto max-w-6xl">
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Alert rules</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
            Each rule is a condition over the figures a page shows (runway, power headroom, a contract&apos;s burn-down, budgets…),
            evaluated every {minutes} minutes and within a minute of an import or a register change.
          </p>
        </div>
        {canWrite ? (
          <Link
            href="/alerts/rules/new"
            className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
          >
            <Plus aria-hidden className="size-4" /> New rule
          </Link>
        ) : null}
      </div>
      {canWrite ? (
        <div className="mb-6">
          <IntervalForm minutes={minutes} action={setEvaluationIntervalAction} />
        </div>
      ) : null}
      <p className="mb-3 text-sm">
        {archived ? (
          <Link href="/alerts/rules" className={LINK}>
            Show active rules
          </Link>
        ) : (
          <Link href="/alerts/rules?archived=1" className={LINK}>
            Show archived rules
          </Link>
        )}
      </p>
      {rules.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{archived ? "No archived rules." : "No rules yet."}</p>
      ) : (
        <ScrollRegion label="Alert rules" className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
              <tr>
                {["Rule", "Kind", "Severity", "Owner", "Scope", "Channels", "State", "Last fired"].map((h) => (
                  <th key={h} scope="col" className={HEAD}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {rules.map((r) => (
                <tr key={r.id}>
                  <td className={TEXT}>
                    <Link href={`/alerts/rules/${r.id}`} className={`${LINK} font-medium`}>
                      {r.name}
                    </Link>
                  </td>
                  <td className={TEXT}>{r.kindLabel}</td>
                  <td className={TEXT}>
                    <SeverityBadge severity={r.severity} />
                  </td>
                  <td className={TEXT}>{r.ownerEmail ?? "—"}</td>
                  <td className={TEXT}>{scopeLabel(r, names)}</td>
                  <td className={TEXT}>{r.channelNames.length ? r.channelNames.join(", ") : "In app only"}</td>
                  <td className={TEXT}>
                    {r.archivedAt
                      ? "Archived"
                      : !r.enabled
                        ? "Disabled"
                        : r.mutedUntil && r.mutedUntil > now
                          ? `Muted until ${formatDayTimeUtc(r.mutedUntil)}`
                          : r.firing > 0
                            ? `${r.firing} firing`
                            : "OK"}
                  </td>
                  <td className={`${TEXT} whitespace-nowrap`}>{r.lastFiredAt ? formatDayTimeUtc(r.lastFiredAt) : "Never"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
