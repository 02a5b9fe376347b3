import { DataTable } from "@/components/overview/data-table";
import { spendChart } from "@/lib/queries/costs/points";
import { formatMonth, formatMonthShort } from "@/lib/format/date";
import type { SpendGroupBy } from "@/lib/metrics/monthly-spend";
import type { CostsView } from "@/lib/queries/costs";
import { cn } from "@/lib/utils";
import { money } from "./format";
import { SpendChart } from "./spend-chart";
import { AppLink } from "@/components/links/app-link";

export function monthList(months: Date[]): string {
  if (months.length === 0) return "none";
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const contiguous = months.length === (last.getUTCFullYear() - first.getUTCFullYear()) * 12 + last.getUTCMonth() - first.getUTCMonth() + 1;
  return contiguous
    ? months.length === 1
      ? formatMonth(first)
      : `${formatMonthShort(first)} – ${formatMonth(last)}`
    : months.map(formatMonthShort).join(", ");
}

export function SpendSection({
  view,
  byHref,
  exportHref,
}: {
  view: CostsView;
  byHref: Record<SpendGroupBy, string>;
  exportHref: string | null;
}) {
  const { series, data } = spendChart(view.spend, view.by);
  const groups = series.map((s) => s.name);
  return (
    <section aria-labelledby="spend" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="spend" className="text-lg font-semibold">
          Spend by month
        </h2>
        <div className="flex items-center gap-4 text-sm">
          <nav aria-label="Stack spend by" className="flex items-center gap-2">
            <span className="text-slate-600 dark:text-slate-400">Stack by</span>
            {(["provider", "family"] as const).map((b) =>
              b === view.by ? (
                <span key={b} aria-current="true" className="font-medium">
                  {b === "provider" ? "Provider" : "Family"}
                </span>
              ) : (
                <AppLink key={b} href={byHref[b]} className={cn("text-brand-700 underline dark:text-brand-300")}>
                  {b === "provider" ? "Provider" : "Family"}
                </AppLink>
              ),
            )}
          </nav>
          {exportHref ? (
            <a href={exportHref} className="text-brand-700 underline dark:text-brand-300" download>
              Export spend CSV
            </a>
          ) : null}
        </div>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <SpendChart
          data={data}
          series={series}
          label={`Spend per month in US dollars, stacked by ${view.by}; actual from billing solid, planned from reservations hatched`}
        />
        <div className="mt-3 text-sm text-slate-700 dark:text-slate-300" data-testid="spend-sources">
          <p>
            <strong>Actual</strong> (Σ EffectiveCost of imported billing) for these provider-months;{" "}
            <strong>every other month is planned</strong> (reservations × rates). The two are never added for the same provider and month.
          </p>
          {view.actualMonths.length === 0 ? (
            <p className="mt-1">No billing in this range: all months are planned.</p>
          ) : (
            <ul className="mt-1 list-disc pl-5">
              {view.actualMonths.map((a) => (
                <li key={a.providerName}>
                  {a.providerName}: {monthList(a.months)}
                </li>
              ))}
            </ul>
          )}
        </div>
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium">View spend by month as a table</summary>
          <DataTable
            caption={`Spend per month by ${view.by}, actual and planned`}
            columns={[
              { header: "Month" },
              { header: "Actual", numeric: true },
              { header: "Planned", numeric: true },
              { header: "Total", numeric: true },
              ...groups.map((g) => ({ header: g, numeric: true })),
            ]}
            rows={view.spend.map((m) => [
              formatMonth(m.month.from),
              money(m.actual),
              money(m.planned),
              money(m.total),
              ...groups.map((g) => {
                const v = m.byGroup.get(g);
                if (!v) return "—";
                const parts = [];
                if (!v.actual.isZero()) parts.push(`${money(v.actual)} A`);
                if (!v.planned.isZero()) parts.push(`${money(v.planned)} P`);
                return parts.join(" + ") || "$0.00";
              }),
            ])}
          />
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">A = actual (billing), P = planned (reservations).</p>
        </details>
      </div>
    </section>
  );
}
