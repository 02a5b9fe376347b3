import Link from "next/link";
import { ChartTableData } from "@/components/answers/chart-table";
import { LineChart } from "@/components/charts/line-chart";
import type { UnitEconomicsWorkload } from "@/lib/queries/allocation/unit-economics";
import { TREND_SERIES, trendPoints, UNIT_TABLE_COLUMNS, unitPrice, unitTableRows } from "@/lib/queries/allocation/unit-economics-points";

/** One workload's $ per 1M tokens by month: the actual line beside the profile estimate (inference), and its table. */
export function TrendPanel({ workload: w }: { workload: UnitEconomicsWorkload }) {
  const inference = w.kind === "inference";
  const points = trendPoints(w);
  const series = inference ? TREND_SERIES : TREND_SERIES.slice(0, 1).map((s) => ({ ...s, name: "Actual $ per 1M training tokens" }));
  const latest = [...w.months].reverse().find((m) => m.fullyReported);
  const columns = inference ? UNIT_TABLE_COLUMNS : UNIT_TABLE_COLUMNS.slice(0, -1);
  const rows = unitTableRows(w).map((r) => (inference ? r : r.slice(0, -1)));
  const id = `trend-${w.id}`;
  return (
    <section
      aria-labelledby={id}
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 id={id} className="font-medium">
          <Link href={`/allocation/workloads/${w.id}`} className="text-brand-700 underline dark:text-brand-300">
            {w.name}
          </Link>
        </h3>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {w.teamName} · <span className="font-mono">{w.metric}</span>
        </p>
      </div>
      {latest ? (
        <p className="mt-1 text-sm">
          <span className="text-lg font-semibold tabular-nums">{unitPrice(latest.perMillion)}</span>{" "}
          <span className="text-slate-600 dark:text-slate-400">
            per 1M {inference ? "tokens" : "training tokens"} in{" "}
            {latest.month.toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" })}
            {inference && latest.profile ? ` · profile estimate ${unitPrice(latest.profile)}` : ""}
          </span>
        </p>
      ) : null}
      {points.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          No {w.metric} reported in these months: send daily values on the Imports page or to POST /api/v1/metrics/business.
        </p>
      ) : (
        <div className="mt-3">
          <LineChart
            data={points}
            series={series}
            unit="usd"
            label={`${w.name}: $ per 1M ${inference ? "tokens" : "training tokens"} by month`}
            height={180}
            legend={inference}
          />
        </div>
      )}
      <ChartTableData summary="View as table" table={{ caption: `${w.name}: cost, tokens and $ per 1M tokens by month`, columns, rows }} />
    </section>
  );
}
