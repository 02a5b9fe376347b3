import Link from "next/link";
import { PowerCausesPanel } from "@/components/power/power-view";
import { formatMonth } from "@/lib/format/date";
import { formatMw } from "@/lib/format/number";
import { startOfUtcMonth } from "@/lib/metrics/calendar";
import type { HeadroomPoint } from "@/lib/metrics/power-headroom";
import { causeParam } from "@/lib/queries/power/points";
import type { SitePowerView } from "@/lib/queries/sites/detail";
import { sitePowerPoints } from "@/lib/queries/sites/power-points";
import { cn } from "@/lib/utils";
import { SitePowerChart } from "./site-power-chart";
import { ScrollRegion } from "@/components/ui/scroll-region";

const RED = "font-medium text-red-700 dark:text-red-300";

function summary(power: SitePowerView, archived: boolean): string {
  const n = power.months.length;
  if (archived) return "This site is archived: /power no longer projects its load.";
  const site = power.site;
  if (!site) {
    return power.unbudgeted
      ? `No power budget recorded: /power does not rank this site; its facility load peaks at ${formatMw(power.unbudgeted.peakFacilityMw.toNumber())} in the next ${n} months.`
      : `No power budget recorded, and no load in the next ${n} months.`;
  }
  if (site.firstOver) return `Over budget in ${site.overBudgetMonths} of ${n} months, first in ${formatMonth(site.firstOver.month.from)}.`;
  return `Within budget in all ${n} months${site.tightest ? ` (tightest: ${formatMonth(site.tightest.month.from)}, ${formatMw(site.tightest.headroomMw.toNumber())} headroom)` : ""}.`;
}

/**
 * The site's projected IT and facility load vs budget, month by month, as /power shows it for this site (same
 * buildPowerPage): chart, the over-budget months, the numbers as a table, and the blocks drawing power in the month
 * picked (default: the first over budget).
 */
export function SitePowerSection({
  siteId,
  siteName,
  archived,
  power,
  allCauses = false,
}: {
  siteId: string;
  siteName: string;
  archived: boolean;
  power: SitePowerView;
  allCauses?: boolean;
}) {
  const budgeted = power.site !== null;
  const monthly: HeadroomPoint[] = power.site?.monthly ?? power.unbudgeted?.monthly ?? [];
  const selected = power.causes ? causeParam(power.causes.siteId, power.causes.point.month) : null;
  const monthQuery = (p: HeadroomPoint) => `/sites/${siteId}?month=${startOfUtcMonth(p.month.from).toISOString().slice(0, 7)}`;
  const monthHref = (p: HeadroomPoint) => `${monthQuery(p)}#causes`;
  return (
    <>
      <section aria-labelledby="power-heading" className="mt-8">
        <h2 id="power-heading" className="text-lg font-semibold">
          Projected IT and facility load vs budget
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          IT MW = Σ accelerators × system W ÷ 10⁶ over the reservations in place (planned ones included, expired ones not; from the delivery
          date when later); facility MW = IT MW × PUE; headroom = contracted MW − facility MW, at each month&apos;s tightest moment; the
          next {power.months.length} months, as on{" "}
          <Link href={power.powerHref} className="underline">
            Power
          </Link>
          .
        </p>
        <p
          className={cn("mt-2 text-sm font-medium", power.site?.firstOver && "text-red-700 dark:text-red-300")}
          data-testid="over-budget-summary"
        >
          {summary(power, archived)}
        </p>
        {monthly.length ? (
          <>
            <div className="mt-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
              <SitePowerChart
                points={sitePowerPoints(monthly).map((p) => (budgeted ? p : { ...p, overBudget: false }))}
                label={`Projected facility load vs budget at ${siteName}, by month`}
              />
            </div>
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer font-medium">Month by month</summary>
              <ScrollRegion
                label="Power by month"
                className="mt-2 rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
              >
                <table className="w-full text-left text-sm" data-testid="power-table">
                  <caption className="sr-only">Budget, IT and facility load and headroom by month at {siteName}</caption>
                  <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase dark:border-slate-800 dark:text-slate-400">
                    <tr>
                      <th scope="col" className="px-3 py-2 font-medium">
                        Month
                      </th>
                      <th scope="col" className="px-3 py-2 text-right font-medium">
                        Budget
                      </th>
                      <th scope="col" className="px-3 py-2 text-right font-medium">
                        IT load
                      </th>
                      <th scope="col" className="px-3 py-2 text-right font-medium">
                        Facility load
                      </th>
                      <th scope="col" className="px-3 py-2 text-right font-medium">
                        Headroom
                      </th>
                      <th scope="col" className="px-3 py-2 font-medium">
                        Status
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                    {monthly.map((p) => {
                      const over = budgeted && p.overBudget;
                      return (
                        <tr key={p.month.from.toISOString()} className={cn(over && "bg-red-50 dark:bg-red-950/40")}>
                          <td className="px-3 py-1.5">
                            {budgeted ? (
                              <Link
                                href={monthHref(p)}
                                className="underline"
                                aria-current={selected === causeParam(siteId, p.month) ? "true" : undefined}
                              >
                                {formatMonth(p.month.from)}
                              </Link>
                            ) : (
                              formatMonth(p.month.from)
                            )}
                          </td>
                          <td className="px-3 py-1.5 text-right tabular-nums">{budgeted ? formatMw(p.budgetMw.toNumber()) : "—"}</td>
                          <td className="px-3 py-1.5 text-right tabular-nums">{formatMw(p.itMw.toNumber())}</td>
                          <td className="px-3 py-1.5 text-right tabular-nums">{formatMw(p.facilityMw.toNumber())}</td>
                          <td className={cn("px-3 py-1.5 text-right tabular-nums", over && RED)}>
                            {budgeted ? formatMw(p.headroomMw.toNumber()) : "—"}
                          </td>
                          <td className={cn("px-3 py-1.5", over && RED)}>
                            {!budgeted ? "No budget" : over ? "Over budget" : "Within budget"}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </ScrollRegion>
            </details>
          </>
        ) : null}
      </section>
      {power.causes ? (
        <PowerCausesPanel
          causes={power.causes}
          csvHref={`/power/export.csv?site=${siteId}&table=causes&cause=${encodeURIComponent(causeParam(siteId, power.causes.point.month))}`}
          allHref={allCauses ? null : `${monthQuery(power.causes.point)}&causes=all#causes`}
          pickHint="Pick another month in the month-by-month table above."
        />
      ) : null}
    </>
  );
}
