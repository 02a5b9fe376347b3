import type { ReactNode } from "react";
import type { OverviewResult } from "@/lib/queries/overview";
import { CommittedDetails, SpendDetails } from "./details-spend";
import { ExpiringDetails, FleetDetails, UtilizationDetails } from "./details-capacity";
import { PowerDetails, RunwayDetails } from "./details-power";
import { KpiGrid } from "./kpi-grid";

const asOfFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function OverviewView({ overview, filterBar }: { overview: OverviewResult; filterBar?: ReactNode }) {
  return (
    <div className="mx-auto max-w-7xl">
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            As of {asOfFormat.format(overview.asOf)} UTC · {overview.scenario ? `scenario ${overview.scenario.name}` : "baseline"} · US
            dollars, actual from billing where imported, planned from reservations elsewhere
          </p>
        </div>
        {filterBar}
      </div>
      {overview.warnings.length ? (
        <ul className="mt-3 list-disc rounded-md border border-amber-300 bg-amber-50 py-2 pr-3 pl-8 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          {overview.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {overview.isEmpty ? (
        <p className="mt-6 max-w-2xl rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300">
          There is no data yet: this page fills in from your contracts, reservations, sites, power budgets and utilization as soon as they
          are added or imported.
        </p>
      ) : (
        <>
          <div className="mt-6">
            <KpiGrid overview={overview} />
          </div>
          <section aria-labelledby="how-computed" className="mt-10 space-y-6 pb-8">
            <div>
              <h2 id="how-computed" className="text-lg font-semibold">
                How these numbers are computed
              </h2>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                Each number above comes from one definition, applied to the rows shown here, and is the number of the page it links to. A
                scenario changes the planned numbers (spend, accelerators, headroom, runway, expiries); committed spend, billing and
                utilization are as recorded. Periods are half-open and in UTC.
              </p>
            </div>
            <CommittedDetails committed={overview.committed} />
            <SpendDetails spend={overview.spend} />
            <FleetDetails fleet={overview.fleet} />
            <UtilizationDetails utilization={overview.utilization} />
            <ExpiringDetails expiring={overview.expiring} />
            <PowerDetails power={overview.power} />
            <RunwayDetails runway={overview.runway} />
          </section>
        </>
      )}
    </div>
  );
}
