import { formatMw } from "@/lib/format/number";
import type { SitePowerPoint } from "@/lib/queries/registers/site-power-points";
import { cn } from "@/lib/utils";
import { SitePowerChart } from "./site-power-chart";

/** Projected facility load vs budget for the next 24 months: chart, the over-budget months, and the numbers as a table. */
export function SitePowerSection({ siteName, points, hasBudget }: { siteName: string; points: SitePowerPoint[]; hasBudget: boolean }) {
  const over = points.filter((p) => p.overBudget);
  const tightest = points.reduce<SitePowerPoint | null>((m, p) => (!m || p.headroomMw < m.headroomMw ? p : m), null);
  return (
    <section aria-labelledby="power-heading" className="mt-8">
      <h2 id="power-heading" className="text-lg font-semibold">Projected facility load vs budget</h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Facility MW = Σ accelerators × system W ÷ 10⁶ × PUE over the reservations in place (planned ones included), at each month&apos;s tightest moment, against the contracted budget; next 24 months.
      </p>
      <p className="mt-2 text-sm font-medium" data-testid="over-budget-summary">
        {!hasBudget
          ? "No power budget recorded: every month with load counts as over budget."
          : over.length === 0
            ? `Within budget in all ${points.length} months${tightest ? ` (tightest: ${tightest.title}, ${formatMw(tightest.headroomMw)} headroom)` : ""}.`
            : `Over budget in ${over.length} of ${points.length} months, first in ${over[0]!.title}.`}
      </p>
      <div className="mt-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <SitePowerChart points={points} label={`Projected facility load vs budget at ${siteName}, by month`} />
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium">Month by month</summary>
        <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm" data-testid="power-table">
            <caption className="sr-only">Budget, facility load and headroom by month</caption>
            <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Month</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Budget</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Facility load</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Headroom</th>
                <th scope="col" className="px-3 py-2 font-medium">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {points.map((p) => (
                <tr key={p.title} className={cn(p.overBudget && "bg-red-50 dark:bg-red-950/40")}>
                  <td className="px-3 py-1.5">{p.title}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{formatMw(p.budgetMw)}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{formatMw(p.facilityMw)}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{formatMw(p.headroomMw)}</td>
                  <td className={cn("px-3 py-1.5", p.overBudget && "font-medium text-red-700 dark:text-red-300")}>{p.overBudget ? "Over budget" : "Within budget"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
