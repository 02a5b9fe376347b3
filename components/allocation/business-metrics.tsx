import { ChartTableData, CsvLink } from "@/components/answers/chart-table";
import { LineChart } from "@/components/charts/line-chart";
import { formatDay } from "@/lib/format/date";
import { formatDecimalExact } from "@/lib/format/number";
import { TOTAL_DAYS, type MetricSeries } from "@/lib/queries/business-metrics";
import { metricLabel, metricLine, metricTableRows } from "@/lib/queries/business-metrics/points";

/** The workload's business metrics: per metric, its daily series (chart and table), latest value and 30-day total. */
export function BusinessMetricsSection({ metrics, csvHref }: { metrics: MetricSeries[]; csvHref?: string }) {
  return (
    <section aria-labelledby="metrics-heading" className="mt-8">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="metrics-heading" className="text-lg font-semibold">
          Business metrics
        </h2>
        {metrics.length > 0 && csvHref ? <CsvLink href={csvHref} /> : null}
      </div>
      {metrics.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          None yet: send daily values (tokens served, requests, training tokens…) on the Imports page or to POST /api/v1/metrics/business.
        </p>
      ) : (
        <div className="mt-3 grid gap-4">
          {metrics.map((m, i) => (
            <MetricPanel key={m.metric} metric={m} index={i} />
          ))}
        </div>
      )}
    </section>
  );
}

function MetricPanel({ metric: m, index }: { metric: MetricSeries; index: number }) {
  const label = metricLabel(m.metric);
  const { series, data, domain } = metricLine(m, index);
  const id = `metric-${m.metric}`;
  return (
    <section
      aria-labelledby={id}
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h3 id={id} className="font-medium">
        {label} <span className="font-mono text-xs font-normal text-slate-500 dark:text-slate-400">{m.metric}</span>
      </h3>
      <dl className="mt-2 grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
        <div className="min-w-0">
          <dt className="text-slate-600 dark:text-slate-400">Latest ({formatDay(m.latest.day)})</dt>
          <dd className="text-lg font-semibold break-words tabular-nums">{formatDecimalExact(m.latest.value)}</dd>
        </div>
        <div className="min-w-0">
          <dt className="text-slate-600 dark:text-slate-400">
            {TOTAL_DAYS}-day total (to {formatDay(m.latest.day)}, {m.daysIn30} {m.daysIn30 === 1 ? "day" : "days"} reported)
          </dt>
          <dd className="text-lg font-semibold break-words tabular-nums">{formatDecimalExact(m.total30)}</dd>
        </div>
      </dl>
      <div className="mt-3">
        <LineChart data={data} series={series} unit="count" label={`${label} per day`} height={160} legend={false} domain={domain} />
      </div>
      {m.olderDays > 0 ? (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          The chart shows the last year; {m.olderDays} earlier {m.olderDays === 1 ? "day is" : "days are"} in the CSV.
        </p>
      ) : null}
      <ChartTableData
        summary="View as table"
        table={{
          caption: `${label} per day`,
          columns: [{ header: "Day" }, { header: label, numeric: true }],
          rows: metricTableRows(m),
        }}
      />
    </section>
  );
}
