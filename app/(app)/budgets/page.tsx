import type { Metadata } from "next";
import Link from "next/link";
import { Download, Plus } from "lucide-react";
import { PctBar, ThresholdBadges } from "@/components/budgets/budget-status";
import { HierarchyWarnings } from "@/components/budgets/hierarchy-warnings";
import { StatusBadge } from "@/components/registers/status-badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { pageClock } from "@/lib/cache/read";
import { budgetScopeLabel, formatBudgetValue } from "@/lib/format/budget";
import { formatMoneyExact } from "@/lib/format/number";
import { getBudgetsView, parseBudgetListParams } from "@/lib/queries/budgets";
import { periodLabel } from "@/lib/queries/budgets/points";
import type { RawSearchParams } from "@/lib/queries/lists/params";

export const metadata: Metadata = { title: "Budgets" };
export const dynamic = "force-dynamic";

const NUM = "px-3 py-2 text-right tabular-nums whitespace-nowrap";
const TEXT = "px-3 py-2 text-left";
const LINK = "text-brand-700 underline dark:text-brand-300";

export default async function BudgetsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const raw = await searchParams;
  const params = parseBudgetListParams(raw);
  const view = await getBudgetsView(ctx, params, { asOf: pageClock() });
  const at = view.at.toISOString().slice(0, 7);
  const query = new URLSearchParams({ at, ...(params.archived ? { archived: "1" } : {}) });
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-2xl font-semibold tracking-tight">Budgets</h1>
      <p className="mt-1 mb-6 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        Each budget in its month, quarter or year containing the chosen month: the actual to date and the forecast to the period&apos;s end.
        Money in {view.currency}: lab, provider and family as on the Costs page, teams and workloads as on Allocation, contracts as their
        burn-down. Accelerator-hours and H100e·h: used hours as on Utilization, forecast at the recent utilization.
      </p>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <form method="get" aria-label="Choose the period" className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <Label htmlFor="budgets-at">Periods containing</Label>
            <Input id="budgets-at" name="at" type="month" defaultValue={at} className="w-44" />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="budgets-archived">Show</Label>
            <select
              id="budgets-archived"
              name="archived"
              defaultValue={params.archived ? "1" : ""}
              className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900"
            >
              <option value="">Active budgets</option>
              <option value="1">Archived budgets</option>
            </select>
          </div>
          <Button type="submit" variant="outline">
            Apply
          </Button>
        </form>
        <div className="flex flex-wrap gap-2">
          {can(ctx.actor.role, "export.csv") ? (
            <a
              href={`/budgets/export.csv?${query.toString()}`}
              className="inline-flex h-9 items-center gap-2 rounded-md border px-3 text-sm"
            >
              <Download aria-hidden className="size-4" /> Export CSV
            </a>
          ) : null}
          {can(ctx.actor.role, "budgets.write") ? (
            <Link
              href="/budgets/new"
              className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
            >
              <Plus aria-hidden className="size-4" /> New budget
            </Link>
          ) : null}
        </div>
      </div>
      <HierarchyWarnings warnings={view.warnings} />
      {view.rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{params.archived ? "No archived budgets." : "No budgets yet."}</p>
      ) : (
        <ScrollRegion label="Budgets" className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
              <tr>
                <th scope="col" className={`${TEXT} font-medium`}>
                  Budget
                </th>
                <th scope="col" className={`${TEXT} font-medium`}>
                  Scope
                </th>
                <th scope="col" className={`${TEXT} font-medium`}>
                  Period
                </th>
                <th scope="col" className={`${NUM} font-medium`}>
                  Amount
                </th>
                <th scope="col" className={`${NUM} font-medium`}>
                  Actual
                </th>
                <th scope="col" className={`${NUM} font-medium`}>
                  Forecast
                </th>
                <th scope="col" className={`${TEXT} font-medium`}>
                  Of budget
                </th>
                <th scope="col" className={`${TEXT} font-medium`}>
                  Thresholds
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {view.rows.map((b) => (
                <tr key={b.id}>
                  <th scope="row" className={`${TEXT} font-normal`}>
                    <Link href={`/budgets/${b.id}`} className={LINK}>
                      {b.name}
                    </Link>
                    {b.archivedAt ? (
                      <span className="ml-2">
                        <StatusBadge status="archived" />
                      </span>
                    ) : null}
                  </th>
                  <td className={TEXT}>{budgetScopeLabel(b)}</td>
                  <td className={`${TEXT} whitespace-nowrap`}>{periodLabel(b.periodKind, b.period)}</td>
                  <td className={NUM}>
                    {formatBudgetValue(b.amount, b.unit, b.currency)}
                    {b.unit === "money" && b.currency !== view.currency ? (
                      <span className="block text-xs text-slate-600 dark:text-slate-400">
                        {b.amountUsd ? formatMoneyExact(b.amountUsd.toFixed(), view.currency) : `no ${b.currency} rate`}
                      </span>
                    ) : null}
                  </td>
                  <td className={NUM}>{b.status ? formatBudgetValue(b.status.actual, b.unit, view.currency) : "—"}</td>
                  <td className={NUM}>{b.status ? formatBudgetValue(b.status.forecast, b.unit, view.currency) : "—"}</td>
                  <td className={`${TEXT} whitespace-nowrap`}>
                    {b.status ? (
                      <span className="flex flex-col gap-1">
                        <PctBar pct={b.status.actualPct} label="actual of budget" />
                        <PctBar pct={b.status.forecastPct} label="forecast of budget" />
                      </span>
                    ) : (
                      <span className="text-xs text-slate-600 dark:text-slate-400">
                        {b.unit !== "money" || b.amountUsd ? "not active in this period" : "—"}
                      </span>
                    )}
                  </td>
                  <td className={TEXT}>{b.status ? <ThresholdBadges status={b.status} /> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
