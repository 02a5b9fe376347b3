import type { Metadata } from "next";
import Link from "next/link";
import { ImportCsvLink } from "@/components/imports/registers/import-csv-link";
import { Plus } from "lucide-react";
import { StatusBadge } from "@/components/registers/status-badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { getFilterOptions } from "@/lib/queries/filters/options";
import type { RawSearchParams } from "@/lib/queries/filters/params";
import { familyColor } from "@/lib/format/colors";
import { formatDay } from "@/lib/format/date";
import { formatDecimal } from "@/lib/format/number";
import { listDemandPlans, parseDemandPlanListParams } from "@/lib/queries/demand-plans";

export const metadata: Metadata = { title: "Demand plans" };
export const dynamic = "force-dynamic";

const SELECT = "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900";

export default async function DemandPlansPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const params = parseDemandPlanListParams(await searchParams);
  const [rows, options] = await Promise.all([listDemandPlans(ctx, params), getFilterOptions(ctx)]);
  return (
    <div className="mx-auto max-w-6xl">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Demand plans</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
            Named workloads that need capacity beyond the forecast — a training run, an inference launch. Capacity adds the plans that start
            this month or later to the forecast of used H100e; a scenario&apos;s own plans count only in that scenario.
          </p>
        </div>
        {can(ctx.actor.role, "demand_plans.write") ? (
          <div className="flex flex-wrap gap-2">
            <ImportCsvLink kind="demand_plans" />
            <Link
              href="/demand-plans/new"
              className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
            >
              <Plus aria-hidden className="size-4" /> New demand plan
            </Link>
          </div>
        ) : null}
      </div>
      <form method="get" role="search" aria-label="Filter demand plans" className="mt-6 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor="dp-scenario">Scenario</Label>
          <select id="dp-scenario" name="scenario" defaultValue={params.scenario} className={SELECT}>
            <option value="all">All</option>
            <option value="baseline">Baseline only</option>
            {options.scenarios.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="dp-archived">Archived</Label>
          <select id="dp-archived" name="archived" defaultValue={params.archived} className={SELECT}>
            <option value="none">Hide</option>
            <option value="only">Only archived</option>
            <option value="all">Show all</option>
          </select>
        </div>
        <Button type="submit" variant="outline">
          Apply
        </Button>
      </form>
      <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Demand plans</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase dark:border-slate-800 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Plan
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Workload
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Family
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Accelerators
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                H100e
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Period
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Priority
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Scenario
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={8} className="px-3 py-8 text-center text-slate-600 dark:text-slate-400">
                  Nothing matches these filters.
                </td>
              </tr>
            ) : null}
            {rows.map((p) => (
              <tr key={p.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
                <td className="px-3 py-2">
                  <Link href={`/demand-plans/${p.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                    {p.name}
                  </Link>{" "}
                  <span className="text-xs text-slate-600 dark:text-slate-400">{p.kind}</span>{" "}
                  {p.archivedAt ? <StatusBadge status="archived" /> : null}
                </td>
                <td className="px-3 py-2">
                  {p.workloadId ? (
                    <Link href={`/allocation/workloads/${p.workloadId}`} className="hover:underline">
                      {p.workloadName}
                    </Link>
                  ) : (
                    <span className="text-slate-600 dark:text-slate-400">—</span>
                  )}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <span aria-hidden className="mr-1.5 inline-block size-2.5 rounded-sm" style={{ background: familyColor(p.family) }} />
                  {p.family}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{p.accelerators === null ? "—" : formatDecimal(p.accelerators, 0)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatDecimal(p.h100e, 0)}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {formatDay(p.startDate)} → {formatDay(p.endDate)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{p.priority}</td>
                <td className="px-3 py-2">{p.scenarioName ?? "Baseline"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
