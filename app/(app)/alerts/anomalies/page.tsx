import type { Metadata } from "next";
import Link from "next/link";
import { Download } from "lucide-react";
import { AnomalyChart } from "@/components/anomalies/anomaly-chart";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { pageClock } from "@/lib/cache/read";
import { formatMoneyExact, formatPercent } from "@/lib/format/number";
import type { Anomaly } from "@/lib/queries/anomalies";
import { anomalyQuery, parseAnomalyParams } from "@/lib/queries/anomalies/params";
import { ANOMALY_PAGE_DAYS, getAnomaliesView } from "@/lib/queries/anomalies/view";
import type { RawSearchParams } from "@/lib/queries/lists/params";

export const metadata: Metadata = { title: "Anomalies" };
export const dynamic = "force-dynamic";

const NUM = "px-3 py-2 text-right tabular-nums whitespace-nowrap";
const TEXT = "px-3 py-2 text-left";
const SELECT = "h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm sm:w-auto dark:border-slate-700 dark:bg-slate-900";
const KIND_LABEL = { all: "All series", service: "Provider × service", workload: "Workload", utilization: "Block utilization" } as const;

function figure(a: Pick<Anomaly, "unit" | "currency">, value: string): string {
  return a.unit === "money" ? formatMoneyExact(value, a.currency ?? "USD") : formatPercent(Number(value), 1);
}

/** A deviation: money signed; utilization in percentage points, so it is not read as the relative change below it. */
function signed(a: Anomaly, value: string): string {
  const sign = Number(value) > 0 ? "+" : "";
  return a.unit === "money" ? `${sign}${figure(a, value)}` : `${sign}${(Number(value) * 100).toFixed(1)} pts`;
}

export default async function AnomaliesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const params = parseAnomalyParams(await searchParams);
  const view = await getAnomaliesView(ctx, params, pageClock());
  const filters = anomalyQuery(params, null).toString();
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-2xl font-semibold tracking-tight">Anomalies</h1>
      <p className="mt-1 mb-6 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        Days from {view.from} to {view.to} whose actual cost (or a block&apos;s utilization) left its expected value: reserved blocks at
        their planned cost, on-demand and spot blocks at their recent use × rate, everything else at the median of the same weekday over the
        last 8 weeks. A day counts when the gap is beyond 4 × the series&apos; spread (1.4826 × MAD) and above both a $25 and a 10 % floor
        (10 points and 15 % for utilization); a lasting shift alarms once.
      </p>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <form method="get" aria-label="Filter anomalies" className="flex w-full flex-wrap items-end gap-3 sm:w-auto">
          <div className="flex w-full flex-col gap-1 sm:w-auto">
            <Label htmlFor="anomalies-provider">Provider</Label>
            <select id="anomalies-provider" name="provider" defaultValue={params.provider ?? ""} className={SELECT}>
              <option value="">All providers</option>
              {view.providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="flex w-full flex-col gap-1 sm:w-auto">
            <Label htmlFor="anomalies-kind">Series</Label>
            <select id="anomalies-kind" name="kind" defaultValue={params.kind} className={SELECT}>
              {Object.entries(KIND_LABEL).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="outline">
            Apply
          </Button>
        </form>
        {can(ctx.actor.role, "export.csv") ? (
          <a
            href={`/alerts/anomalies/export.csv${filters ? `?${filters}` : ""}`}
            className="inline-flex h-9 items-center gap-2 rounded-md border px-3 text-sm"
          >
            <Download aria-hidden className="size-4" /> Export CSV
          </a>
        ) : null}
      </div>
      {view.chart ? (
        <section
          aria-labelledby="anomaly-chart-heading"
          className="mb-6 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
        >
          <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
            <h2 id="anomaly-chart-heading" className="min-w-0 text-base font-medium break-words">
              {view.chart.label}: actual vs expected
            </h2>
            <form method="get" aria-label="Choose the series" className="flex w-full flex-wrap items-end gap-2 sm:w-auto">
              {params.provider ? <input type="hidden" name="provider" value={params.provider} /> : null}
              {params.kind !== "all" ? <input type="hidden" name="kind" value={params.kind} /> : null}
              <div className="flex w-full min-w-0 flex-col gap-1 sm:w-auto">
                <Label htmlFor="anomalies-series">Series shown</Label>
                <select id="anomalies-series" name="series" defaultValue={view.chart.key} className={`${SELECT} max-w-full`}>
                  {view.seriesOptions.map((s) => (
                    <option key={s.key} value={s.key}>
                      {s.label}
                    </option>
                  ))}
                </select>
              </div>
              <Button type="submit" variant="outline">
                Show
              </Button>
            </form>
          </div>
          <AnomalyChart
            points={view.chart.points}
            unit={view.chart.unit === "money" ? "usd" : "percent"}
            label={`${view.chart.label}: daily actual against expected, anomaly days marked`}
          />
        </section>
      ) : null}
      {view.rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No anomalies in the last {ANOMALY_PAGE_DAYS} days{params.provider || params.kind !== "all" ? " for these filters" : ""}: every
          billed day and measured block stayed within its expected range.
        </p>
      ) : (
        <ScrollRegion label="Anomalies" className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
              <tr>
                <th scope="col" className={`${TEXT} font-medium`}>
                  Day
                </th>
                <th scope="col" className={`${TEXT} font-medium`}>
                  Series
                </th>
                <th scope="col" className={`${NUM} font-medium`}>
                  Actual
                </th>
                <th scope="col" className={`${NUM} font-medium`}>
                  Expected
                </th>
                <th scope="col" className={`${NUM} font-medium`}>
                  Deviation
                </th>
                <th scope="col" className={`${TEXT} font-medium`}>
                  Basis
                </th>
                <th scope="col" className={`${TEXT} font-medium`}>
                  Drivers
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {view.rows.map((a) => (
                <tr key={`${a.seriesKey}|${a.day}`}>
                  <td className={`${TEXT} whitespace-nowrap tabular-nums`}>{a.day}</td>
                  <th scope="row" className={`${TEXT} min-w-44 font-normal`}>
                    <Link
                      prefetch={false}
                      href={`/alerts/anomalies?${anomalyQuery(params, a.seriesKey).toString()}`}
                      className="text-brand-700 underline dark:text-brand-300"
                    >
                      {a.series}
                    </Link>
                  </th>
                  <td className={NUM}>{figure(a, a.actual)}</td>
                  <td className={NUM}>{figure(a, a.expected)}</td>
                  <td
                    className={`${NUM} ${a.direction === "spike" ? "text-red-700 dark:text-red-400" : "text-amber-700 dark:text-amber-400"}`}
                  >
                    {signed(a, a.delta)}
                    <span className="block text-xs">
                      {a.pct === null ? "nothing expected" : `${a.pct > 0 ? "+" : ""}${formatPercent(a.pct, 1)}`}
                    </span>
                  </td>
                  <td className={`${TEXT} min-w-40 text-xs text-slate-600 dark:text-slate-400`}>{a.basisText}</td>
                  <td className={`${TEXT} min-w-48 text-xs`}>
                    <ul className="space-y-0.5">
                      {a.drivers.map((d) => (
                        <li key={d.label}>
                          <span className="break-all">{d.label}</span>{" "}
                          <span className="tabular-nums text-slate-600 dark:text-slate-400">
                            {signed(a, d.delta)} (vs {figure(a, d.expected)})
                          </span>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
