import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pencil } from "lucide-react";
import { PctBar, ThresholdBadges } from "@/components/budgets/budget-status";
import { HierarchyWarnings } from "@/components/budgets/hierarchy-warnings";
import { LineChart } from "@/components/charts/line-chart";
import { EntityHistory } from "@/components/history/entity-history";
import { ArchiveButton } from "@/components/registers/archive-button";
import { DetailList } from "@/components/registers/detail-list";
import { StatusBadge } from "@/components/registers/status-badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { pageClock } from "@/lib/cache/read";
import { isUuid } from "@/lib/db/uuid";
import { formatDay } from "@/lib/format/date";
import { budgetScopeLabel, budgetUnitLabel, formatBudgetValue, USE_UNIT_LABEL } from "@/lib/format/budget";
import { getBudgetDetail } from "@/lib/queries/budgets";
import { budgetChartPoints, periodLabel } from "@/lib/queries/budgets/points";
import { entityHistory } from "@/lib/queries/lists/history";
import { setBudgetArchivedAction } from "../actions";

export const metadata: Metadata = { title: "Budget" };
export const dynamic = "force-dynamic";

const LINK = "text-brand-700 underline dark:text-brand-300";
const NUM = "px-3 py-1.5 text-right tabular-nums whitespace-nowrap";
const TEXT = "px-3 py-1.5 text-left";

export default async function BudgetPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const [detail, history] = await Promise.all([getBudgetDetail(ctx, id, { asOf: pageClock() }), entityHistory(ctx, "budget", id)]);
  if (!detail) notFound();
  const { budget: b, currency, periods, warnings } = detail;
  const isMoney = b.unit === "money";
  const figure = (d: { toFixed(): string } | null | undefined) => formatBudgetValue(d, b.unit, currency);
  const figureUnit = isMoney ? currency : USE_UNIT_LABEL[b.unit];
  const basis = isMoney
    ? b.scopeKind === "team" || b.scopeKind === "workload"
      ? "actual = the Allocation page's billed months for it; forecast = actual + its planned months."
      : b.scopeKind === "contract"
        ? "actual = the contract's burn-down consumed in the period; forecast = actual + its projection to the period's end."
        : "actual = billed spend on the Costs page; forecast = actual + its planned remainder."
    : "actual = used hours as on the Utilization page; forecast = actual + the scope's capacity to the period's end × its utilization over the last 14 days.";
  return (
    <div className="mx-auto max-w-5xl">
      <p className="text-sm">
        <Link href="/budgets" className={LINK}>
          Budgets
        </Link>
      </p>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
        <h1 className="flex min-w-0 flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
          {b.name} {b.archivedAt ? <StatusBadge status="archived" /> : null}
        </h1>
        {can(ctx.actor.role, "budgets.write") ? (
          <div className="flex flex-wrap items-start gap-2">
            {!b.archivedAt ? (
              <Link
                href={`/budgets/${id}/edit`}
                className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
              >
                <Pencil aria-hidden className="size-4" /> Edit
              </Link>
            ) : null}
            <ArchiveButton id={id} version={b.version} archived={b.archivedAt !== null} what="budget" action={setBudgetArchivedAction} />
          </div>
        ) : null}
      </div>
      <DetailList
        items={[
          ["Scope", budgetScopeLabel(b)],
          ["Unit", budgetUnitLabel(b.unit, b.currency)],
          ["Period", `Each ${b.periodKind}`],
          ["Amount", formatBudgetValue(b.amount, b.unit, b.currency)],
          ["Thresholds", `${b.actualThresholdPct} % of actual, ${b.forecastThresholdPct} % of forecast`],
          ["Active", `${formatDay(b.activeFrom)} → ${b.activeTo ? formatDay(b.activeTo) : "open"}`],
          ["Last changed", `${formatDay(b.updatedAt)}${b.updatedBy ? ` by ${b.updatedBy}` : ""} (version ${b.version})`],
        ]}
      />
      <div className="mt-6">
        <HierarchyWarnings warnings={warnings} />
      </div>
      <section aria-labelledby="periods-heading" className="mt-8">
        <h2 id="periods-heading" className="text-lg font-semibold">
          Budget vs actual vs forecast
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Per {b.periodKind} up to the current one, in {figureUnit}: {basis}
        </p>
        {periods.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No period yet: the budget starts on {formatDay(b.activeFrom)}.</p>
        ) : (
          <>
            <div className="mt-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
              <LineChart
                label={`Budget, actual and forecast of ${b.name} per ${b.periodKind}`}
                unit={isMoney ? "usd" : "count"}
                height={180}
                series={[
                  { key: "budget", name: "Budget", color: "#64748b", dashed: true },
                  { key: "actual", name: "Actual", color: "#0f766e", area: true },
                  { key: "forecast", name: "Forecast", color: "#b45309" },
                ]}
                data={budgetChartPoints(b.periodKind, periods)}
              />
            </div>
            <ScrollRegion
              label={`${b.name} per ${b.periodKind}`}
              className="mt-3 rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
            >
              <table className="w-full text-sm">
                <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
                  <tr>
                    <th scope="col" className={`${TEXT} font-medium`}>
                      Period
                    </th>
                    <th scope="col" className={`${NUM} font-medium`}>
                      Budget
                    </th>
                    <th scope="col" className={`${NUM} font-medium`}>
                      Actual
                    </th>
                    <th scope="col" className={`${NUM} font-medium`}>
                      Forecast
                    </th>
                    <th scope="col" className={`${NUM} font-medium`}>
                      Remaining
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
                  {periods.map((p) => (
                    <tr key={p.period.from.toISOString()}>
                      <th scope="row" className={`${TEXT} font-normal whitespace-nowrap`}>
                        {periodLabel(b.periodKind, p.period)}
                      </th>
                      <td className={NUM}>{figure(p.status?.amount ?? p.amountUsd)}</td>
                      <td className={NUM}>{figure(p.status?.actual)}</td>
                      <td className={NUM}>{figure(p.status?.forecast)}</td>
                      <td className={NUM}>{figure(p.status?.remaining)}</td>
                      <td className={`${TEXT} whitespace-nowrap`}>
                        {p.status ? (
                          <span className="flex flex-col gap-1">
                            <PctBar pct={p.status.actualPct} label="actual of budget" />
                            <PctBar pct={p.status.forecastPct} label="forecast of budget" />
                          </span>
                        ) : (
                          `no ${b.currency} rate`
                        )}
                      </td>
                      <td className={TEXT}>{p.status ? <ThresholdBadges status={p.status} /> : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </>
        )}
      </section>
      <EntityHistory entries={history} />
    </div>
  );
}
